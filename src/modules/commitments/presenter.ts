import type { Figure } from './measures.js';
import { MEASURES, meetsTarget, type Measure } from './measures.js';
import type { CommitmentRow, EvidenceRow, MilestoneRow } from './repository.js';
import type { CommitmentViewT } from './schemas.js';

/** A commitment as published: progress is the live figure while it runs, the outcome once assessed. */
export function presentCommitment(
  c: CommitmentRow,
  departmentName: string,
  milestones: MilestoneRow[],
  evidence: EvidenceRow[],
  live: Figure | null,
): CommitmentViewT {
  const measure = c.measure as Measure | null;
  const value = c.state === 'published' ? (live?.value ?? null) : c.outcome_value;
  const done = milestones.filter((m) => m.done_at !== null).length;
  return {
    id: c.id,
    departmentId: c.department_id,
    departmentName,
    period: c.period,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    kind: c.kind,
    measure,
    target: c.target,
    unit: measure ? MEASURES[measure].unit : null,
    title: c.title,
    description: c.description,
    state: c.state as CommitmentViewT['state'],
    progress: {
      value,
      sample: c.state === 'published' ? (live?.sample ?? 0) : 0,
      noData: c.kind === 'measurable' && value === null,
      onTrack:
        measure && value !== null && c.target !== null
          ? meetsTarget(measure, value, c.target)
          : c.kind === 'stated' && milestones.length
            ? done === milestones.length
            : null,
      milestonesDone: done,
      milestonesTotal: milestones.length,
    },
    milestones: milestones.map((m) => ({
      seq: m.seq,
      title: m.title,
      dueDate: m.due_date,
      doneAt: m.done_at,
      note: m.note,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      name: e.name,
      mime: e.mime,
      size: e.size,
      milestoneSeq: e.milestone_seq,
      uploadedAt: e.uploaded_at,
    })),
    outcomeValue: c.outcome_value,
    outcomeBasis: c.outcome_basis,
    assessedAt: c.assessed_at,
    explanationDue: c.state === 'not_kept' && c.explanation === null,
    explanation: c.explanation,
    explainedAt: c.explained_at,
    version: c.version,
  };
}
