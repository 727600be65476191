import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * The government's own conduct: departments' period commitments (部门承诺), self-inspection
 * campaigns (自查自纠), the periodic review of fees (清理收费) and staff learning (职业教育).
 * Deadlines run on the clock module's clocks; signals go to supervision_signals.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const ts = t.timestamp;

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', t.date, (c) => c.notNull())
    .addColumn('period_end', t.date, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('target', 'double precision')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome_value', 'double precision')
    .addColumn('outcome_basis', 'text')
    .addColumn('assessed_at', ts)
    .addColumn('assessed_by', 'text')
    .addColumn('explanation', 'text')
    .addColumn('explained_at', ts)
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('commitments_department_idx')
    .on('commitments')
    .columns(['department_id', 'period_end'])
    .execute();
  await db.schema
    .createIndex('commitments_due_idx')
    .on('commitments')
    .columns(['state', 'period_end'])
    .execute();
  await db.schema
    .createTable('commitment_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', t.date, (c) => c.notNull())
    .addColumn('done_at', ts)
    .addColumn('note', 'text')
    .addUniqueConstraint('commitment_milestones_seq_uq', ['commitment_id', 'seq'])
    .execute();
  await db.schema
    .createTable('commitment_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('milestone_seq', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitment_evidence_idx')
    .on('commitment_evidence')
    .columns(['commitment_id'])
    .execute();

  await db.schema
    .createTable('selfinspection_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('deadline', t.date, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('summary_data', 'text')
    .addColumn('published_at', ts)
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('selfinspection_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('selfinspection_campaigns.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answers', 'text')
    .addColumn('filed_at', ts)
    .addColumn('filed_by', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', ts)
    .addColumn('spot_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('spot_check_note', 'text')
    .addColumn('clock_id', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('selfinspection_reports_uq', ['campaign_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('selfinspection_reports_department_idx')
    .on('selfinspection_reports')
    .columns(['department_id', 'state'])
    .execute();
  await db.schema
    .createTable('selfinspection_problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('selfinspection_campaigns.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('selfinspection_reports.id'))
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('found_by', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('rectify_by', t.date, (c) => c.notNull())
    .addColumn('clock_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('rectification_note', 'text')
    .addColumn('evidence_name', 'text')
    .addColumn('evidence_mime', 'text')
    .addColumn('evidence_sha256', 'text')
    .addColumn('evidence_key', 'text')
    .addColumn('rectified_at', ts)
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('selfinspection_problems_report_idx')
    .on('selfinspection_problems')
    .columns(['report_id'])
    .execute();

  await db.schema
    .createTable('feereview_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('feereview_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('feereview_rounds.id'))
    .addColumn('fee_code', 'text', (c) => c.notNull())
    .addColumn('fee_name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('old_rule', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text')
    .addColumn('new_standard', 'text')
    .addColumn('new_rule', 'text')
    .addColumn('reason', 'text')
    .addColumn('proposed_by', 'text')
    .addColumn('proposed_at', ts)
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', ts)
    .addColumn('decision_note', 'text')
    .addColumn('effective_date', t.date)
    .addColumn('applied_at', ts)
    .addColumn('previous_year_fen', 'bigint')
    .addColumn('yearly_saving_fen', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('feereview_lines_uq', ['round_id', 'fee_code'])
    .execute();
  await db.schema
    .createIndex('feereview_lines_fee_idx')
    .on('feereview_lines')
    .columns(['fee_code', 'state', 'effective_date'])
    .execute();
  await db.schema
    .createTable('feereview_catalogue_versions')
    .addColumn('version_no', 'integer', (c) => c.primaryKey())
    .addColumn('effective_date', t.date, (c) => c.notNull())
    .addColumn('applied_at', ts, (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('learning_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volume', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rule_code', 'text')
    .addColumn('current_version_no', 'integer', (c) => c.notNull())
    .addColumn('quiz_size', 'integer', (c) => c.notNull())
    .addColumn('pass_pct', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('learning_material_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('material_id', 'text', (c) => c.notNull().references('learning_materials.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('pdf_name', 'text')
    .addColumn('pdf_sha256', 'text')
    .addColumn('pdf_key', 'text')
    .addColumn('pdf_size', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('learning_material_versions_uq', ['material_id', 'version_no'])
    .execute();
  await db.schema
    .createTable('learning_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('material_id', 'text', (c) => c.notNull().references('learning_materials.id'))
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('answer', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('learning_questions_material_idx')
    .on('learning_questions')
    .columns(['material_id', 'active'])
    .execute();
  await db.schema
    .createTable('learning_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('material_id', 'text', (c) => c.notNull().references('learning_materials.id'))
    .addColumn('role', 'text')
    .addColumn('department_id', 'text')
    .addColumn('due_date', t.date, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('learning_study')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('material_id', 'text', (c) => c.notNull().references('learning_materials.id'))
    .addColumn('seconds', 'integer', (c) => c.notNull())
    .addColumn('sections_done', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('studied_at', ts, (c) => c.notNull())
    .addColumn('passed_at', ts)
    .addUniqueConstraint('learning_study_uq', ['user_id', 'material_id'])
    .execute();
  await db.schema
    .createTable('learning_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('material_id', 'text', (c) => c.notNull().references('learning_materials.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('question_ids', 'text', (c) => c.notNull())
    .addColumn('answers', 'text')
    .addColumn('score_pct', 'integer')
    .addColumn('passed', 'integer')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('submitted_at', ts)
    .addUniqueConstraint('learning_attempts_uq', ['user_id', 'material_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'learning_attempts',
    'learning_study',
    'learning_assignments',
    'learning_questions',
    'learning_material_versions',
    'learning_materials',
    'feereview_catalogue_versions',
    'feereview_lines',
    'feereview_rounds',
    'selfinspection_problems',
    'selfinspection_reports',
    'selfinspection_campaigns',
    'commitment_evidence',
    'commitment_milestones',
    'commitments',
  ])
    await db.schema.dropTable(table).execute();
}
