import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** Per department, one year: inspections, joint ones, those with findings, complaints about them. */
export const statsByDepartment = (db: Q, year: number) =>
  db
    .selectFrom('insp_inspections')
    .innerJoin('departments', 'departments.id', 'insp_inspections.department_id')
    .select([
      'insp_inspections.department_id',
      'departments.name as department_name',
      (eb) => eb.fn.countAll<number>().as('inspections'),
      sql<number>`sum(case when insp_inspections.joint_group is not null then 1 else 0 end)`.as('joint'),
      sql<number>`sum(case when insp_inspections.outcome in ('rectification', 'penalty') then 1 else 0 end)`.as(
        'findings',
      ),
      sql<number>`sum(case when insp_inspections.state = 'concluded' then 1 else 0 end)`.as('concluded'),
      sql<number>`sum(insp_inspections.complaints)`.as('complaints'),
    ])
    .where('insp_inspections.year', '=', year)
    .where('insp_inspections.state', '!=', 'cancelled')
    .groupBy(['insp_inspections.department_id', 'departments.name'])
    .orderBy('insp_inspections.department_id')
    .execute();

/** Open inspection signals, by department and by subject. */
export const openSignals = (db: Q) =>
  db
    .selectFrom('supervision_signals')
    .select(['kind', 'department_id', 'subject_type', 'subject_id'])
    .where('kind', 'like', 'inspection_%')
    .where('status', '=', 'open')
    .execute();

/** The enterprises inspected most this year. */
export const busiestEnterprises = (db: Q, year: number, limit: number) =>
  db
    .selectFrom('insp_inspections')
    .innerJoin('insp_enterprises', 'insp_enterprises.id', 'insp_inspections.enterprise_id')
    .select([
      'insp_enterprises.id',
      'insp_enterprises.name',
      'insp_enterprises.credit_code',
      (eb) => eb.fn.countAll<number>().as('inspections'),
      sql<number>`count(distinct insp_inspections.department_id)`.as('departments'),
    ])
    .where('insp_inspections.year', '=', year)
    .groupBy(['insp_enterprises.id', 'insp_enterprises.name', 'insp_enterprises.credit_code'])
    .orderBy('inspections', 'desc')
    .limit(limit)
    .execute();

/**
 * The open inspection signals newest first, each with its inspection (when it is about one) and its
 * enterprise: what the supervisors follow up, a link to each inspection.
 */
export const flaggedInspections = (db: Q, limit: number) =>
  db
    .selectFrom('supervision_signals as s')
    .leftJoin('insp_inspections as i', (j) =>
      j.onRef('i.id', '=', 's.subject_id').on('s.subject_type', '=', 'inspection'),
    )
    .leftJoin('insp_enterprises as e', (j) =>
      j.on(sql<boolean>`e.id = coalesce(i.enterprise_id, s.subject_id)`),
    )
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select([
      's.id',
      's.kind',
      's.raised_at',
      'd.name as department_name',
      'i.id as inspection_id',
      'i.number as inspection_number',
      'e.name as enterprise_name',
    ])
    .where('s.kind', 'like', 'inspection_%')
    .where('s.status', '=', 'open')
    .orderBy('s.raised_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
