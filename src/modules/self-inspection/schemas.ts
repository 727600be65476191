import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, StringEnum, NOT_BLANK } from '../../shared/schema-helpers.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });
export const TOPICS = ['arbitrary_charges', 'delay', 'buck_passing', 'attitude', 'opacity', 'other'] as const;
export const ANSWERS = ['compliant', 'problem_found', 'not_applicable'] as const;

export const ProblemInput = Type.Object(
  { description: Text(2000), measure: Text(2000), rectifyBy: IsoDate() },
  { additionalProperties: false },
);
export const OpenBody = Type.Object(
  {
    topic: StringEnum(TOPICS),
    title: Text(200),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    checklist: Type.Array(Text(500), { minItems: 1, maxItems: 50 }),
    departmentIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 100 }),
    deadline: IsoDate(),
  },
  { additionalProperties: false },
);
export type OpenBodyT = Static<typeof OpenBody>;
export const FileBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    answers: Type.Array(
      Type.Object(
        { answer: StringEnum(ANSWERS), note: Type.Optional(Type.String({ maxLength: 2000 })) },
        {
          additionalProperties: false,
        },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    problems: Type.Array(ProblemInput, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type FileBodyT = Static<typeof FileBody>;
export const ReviewBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    decision: StringEnum(['accept', 'reject'] as const),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const SpotCheckBody = Type.Object(
  { sharePct: Type.Integer({ minimum: 1, maximum: 100 }) },
  { additionalProperties: false },
);
export const SummaryBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), summary: Text(8000) },
  { additionalProperties: false },
);

export const ProblemView = Type.Object({
  id: Type.String(),
  reportId: Type.String(),
  departmentId: Type.String(),
  foundBy: StringEnum(['department', 'supervisor'] as const),
  description: Type.String(),
  measure: Type.String(),
  rectifyBy: Type.String(),
  state: Type.String(),
  overdue: Type.Boolean(),
  rectificationNote: Nullable(Type.String()),
  evidenceName: Nullable(Type.String()),
  rectifiedAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export const ReportView = Type.Object({
  id: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  state: Type.String(),
  answers: Nullable(Type.Array(Type.Object({ answer: Type.String(), note: Nullable(Type.String()) }))),
  filedAt: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  spotChecked: Type.Boolean(),
  dueDate: Nullable(Type.String()),
  overdue: Type.Boolean(),
  problems: Type.Array(ProblemView),
  version: Type.Integer(),
});
export const Tally = Type.Object({
  departments: Type.Integer(),
  filed: Type.Integer(),
  spotChecked: Type.Integer(),
  /** reports sent back at least once */
  rejections: Type.Integer(),
  foundByDepartments: Type.Integer(),
  /** problems the supervisors found and the department did not: counted apart */
  foundBySupervisors: Type.Integer(),
  rectified: Type.Integer(),
  overdue: Type.Integer(),
});
export const CampaignView = Type.Object({
  id: Type.String(),
  topic: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  checklist: Type.Array(Type.String()),
  deadline: Type.String(),
  state: Type.String(),
  summary: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  tally: Tally,
  reports: Type.Array(ReportView),
  version: Type.Integer(),
});
export type CampaignViewT = Static<typeof CampaignView>;
export const CampaignList = Type.Object({ items: Type.Array(Type.Omit(CampaignView, ['reports'])) });
