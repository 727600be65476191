import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, NOT_BLANK, Nullable, StringEnum } from '../../shared/schema-helpers.js';
import { PANEL_CATEGORIES, VERDICTS } from './dimensions.js';

const Named = Type.Object({ id: Type.String(), name: Type.String() });
const Panel = Type.Object(
  Object.fromEntries(
    PANEL_CATEGORIES.map((c) => [c, Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 }))]),
  ),
  { additionalProperties: false },
);

export const OpenCampaignBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, pattern: NOT_BLANK }),
  periodStart: IsoDate(),
  periodEnd: IsoDate(),
  departmentIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 200 }),
  dimensions: Type.Array(Type.String({ minLength: 1, maxLength: 40, pattern: NOT_BLANK }), {
    minItems: 1,
    maxItems: 12,
  }),
  panel: Panel,
  bottomCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
});
export const IssueCodesBody = Type.Object({
  category: StringEnum(PANEL_CATEGORIES),
  count: Type.Integer({ minimum: 1, maximum: 5000 }),
  delivery: StringEnum(['printed', 'sent'] as const),
});
export const IssuedCodes = Type.Object({
  batchId: Type.String(),
  category: StringEnum(PANEL_CATEGORIES),
  codes: Type.Array(Type.String(), { description: 'Shown once: only their hashes are kept' }),
});
export const BallotBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
  scores: Type.Record(
    Type.String({ maxLength: 100 }),
    Type.Record(Type.String({ maxLength: 40 }), StringEnum(VERDICTS), { maxProperties: 12 }),
    { maxProperties: 200 },
  ),
});
export const BallotAccepted = Type.Object({ accepted: Type.Boolean() });
export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) });
export const ReportBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  report: Type.String({ minLength: 1, maxLength: 5000, pattern: NOT_BLANK }),
});

const Counts = Type.Object({
  satisfied: Type.Integer(),
  fairly_satisfied: Type.Integer(),
  dissatisfied: Type.Integer(),
});
export const CampaignView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  state: StringEnum(['open', 'published'] as const),
  departments: Type.Array(Named),
  dimensions: Type.Array(Type.String()),
  panel: Type.Record(Type.String(), Type.Integer()),
  reappraisalOf: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  results: Nullable(
    Type.Object({
      ballots: Type.Integer(),
      ballotsByCategory: Type.Record(Type.String(), Type.Integer()),
      departments: Type.Array(
        Type.Object({
          department: Named,
          ballots: Type.Integer(),
          dimensions: Type.Record(Type.String(), Counts),
          satisfaction: Nullable(Type.Number()),
          score: Nullable(Type.Number()),
          rank: Type.Integer(),
          bottom: Type.Boolean(),
        }),
      ),
    }),
  ),
  rectifications: Type.Array(
    Type.Object({
      id: Type.String(),
      department: Named,
      state: StringEnum(['open', 'reported'] as const),
      dueDate: Nullable(Type.String()),
      report: Nullable(Type.String()),
      reportedAt: Nullable(Type.String()),
      reappraisalId: Type.String(),
      version: Type.Integer(),
    }),
  ),
  /** For the administrators and supervisors: what was issued, and how many codes are used. */
  codes: Nullable(
    Type.Object({
      batches: Type.Array(
        Type.Object({
          category: Type.String(),
          count: Type.Integer(),
          delivery: Type.String(),
          issuedAt: Type.String(),
        }),
      ),
      unused: Type.Integer(),
      used: Type.Integer(),
    }),
  ),
  version: Type.Integer(),
});
export type CampaignViewT = Static<typeof CampaignView>;
export const CampaignList = Type.Object({ items: Type.Array(CampaignView) });
