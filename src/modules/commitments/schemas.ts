import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, StringEnum, NOT_BLANK } from '../../shared/schema-helpers.js';
import { MEASURE_CODES } from './measures.js';

export const COMMITMENT_STATES = ['published', 'awaiting_judgement', 'kept', 'not_kept'] as const;
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });

export const PublishBody = Type.Object(
  {
    departmentId: Type.String({ minLength: 1, maxLength: 100 }),
    period: Type.String({ pattern: '^\\d{4}(-Q[1-4])?$', description: '2026 or 2026-Q4' }),
    kind: StringEnum(['measurable', 'stated'] as const),
    measure: Type.Optional(StringEnum(MEASURE_CODES)),
    target: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
    title: Text(200),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    milestones: Type.Optional(
      Type.Array(Type.Object({ title: Text(200), dueDate: IsoDate() }, { additionalProperties: false }), {
        maxItems: 20,
      }),
    ),
  },
  { additionalProperties: false },
);
export type PublishBodyT = Static<typeof PublishBody>;

export const MilestoneDoneBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const JudgeBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), kept: Type.Boolean(), note: Text(1000) },
  { additionalProperties: false },
);
export const ExplainBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), explanation: Text(4000) },
  { additionalProperties: false },
);
export const ListQuery = Type.Object({
  departmentId: Type.Optional(Type.String({ maxLength: 100 })),
  period: Type.Optional(Type.String({ pattern: '^\\d{4}(-Q[1-4])?$' })),
  state: Type.Optional(StringEnum(COMMITMENT_STATES)),
});
export const DepartmentParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const MilestoneParam = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
  seq: Type.Integer({ minimum: 1, maximum: 20 }),
});
export const EvidenceParam = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
  evidenceId: Type.String({ minLength: 1, maxLength: 100 }),
});
export const EvidenceQuery = Type.Object({
  milestoneSeq: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
});

export const Progress = Type.Object({
  value: Nullable(Type.Number()),
  sample: Type.Integer(),
  /** no figure: nothing recorded in the period, or the measure's source is not in the system yet */
  noData: Type.Boolean(),
  onTrack: Nullable(Type.Boolean()),
  milestonesDone: Type.Integer(),
  milestonesTotal: Type.Integer(),
});

export const CommitmentView = Type.Object({
  id: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  period: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  kind: Type.String(),
  measure: Nullable(Type.String()),
  target: Nullable(Type.Number()),
  unit: Nullable(Type.String()),
  title: Type.String(),
  description: Nullable(Type.String()),
  state: StringEnum(COMMITMENT_STATES),
  progress: Progress,
  milestones: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      title: Type.String(),
      dueDate: Type.String(),
      doneAt: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
  evidence: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      mime: Type.String(),
      size: Type.Integer(),
      milestoneSeq: Nullable(Type.Integer()),
      uploadedAt: Type.String(),
    }),
  ),
  outcomeValue: Nullable(Type.Number()),
  outcomeBasis: Nullable(Type.String()),
  assessedAt: Nullable(Type.String()),
  /** not kept and not yet explained: the department owes the public an explanation */
  explanationDue: Type.Boolean(),
  explanation: Nullable(Type.String()),
  explainedAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type CommitmentViewT = Static<typeof CommitmentView>;
export const CommitmentList = Type.Object({ items: Type.Array(CommitmentView) });
