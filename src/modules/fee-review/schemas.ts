import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, StringEnum, NOT_BLANK } from '../../shared/schema-helpers.js';
import { FeeRule } from '../catalogue/schemas.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });
export const PROPOSALS = ['keep', 'reduce', 'abolish'] as const;
export const LINE_STATES = ['pending', 'proposed', 'returned', 'approved'] as const;

export const OpenRoundBody = Type.Object(
  {
    title: Text(200),
    /** the fees to review; all published fees when left out */
    feeCodes: Type.Optional(
      Type.Array(Type.String({ pattern: '^FEE-[A-Z0-9-]{2,30}$' }), { minItems: 1, maxItems: 500 }),
    ),
  },
  { additionalProperties: false },
);
export const ProposeBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    proposal: StringEnum(PROPOSALS),
    reason: Text(4000),
    newStandard: Type.Optional(Text(1000)),
    newRule: Type.Optional(FeeRule),
  },
  { additionalProperties: false },
);
export type ProposeBodyT = Static<typeof ProposeBody>;
export const DecideBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    decision: StringEnum(['approve', 'return'] as const),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    /** when an approved reduction or abolition takes effect */
    effectiveDate: Type.Optional(IsoDate()),
  },
  { additionalProperties: false },
);
export type DecideBodyT = Static<typeof DecideBody>;

export const LineView = Type.Object({
  id: Type.String(),
  roundId: Type.String(),
  feeCode: Type.String(),
  feeName: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  basis: Type.String(),
  standard: Type.String(),
  oldRule: Type.Unknown(),
  state: StringEnum(LINE_STATES),
  proposal: Nullable(StringEnum(PROPOSALS)),
  newStandard: Nullable(Type.String()),
  newRule: Type.Unknown(),
  reason: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  effectiveDate: Nullable(Type.String()),
  appliedAt: Nullable(Type.String()),
  previousYearFen: Nullable(Type.Integer()),
  yearlySavingFen: Nullable(Type.Integer()),
  version: Type.Integer(),
});
export type LineViewT = Static<typeof LineView>;
export const RoundView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  state: Type.String(),
  createdAt: Type.String(),
  lines: Type.Array(LineView),
  version: Type.Integer(),
});
export const RoundList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      state: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});
export const PublicChanges = Type.Object({
  items: Type.Array(
    Type.Object({
      feeCode: Type.String(),
      feeName: Type.String(),
      departmentName: Type.String(),
      change: StringEnum(['reduce', 'abolish'] as const),
      oldStandard: Type.String(),
      newStandard: Nullable(Type.String()),
      effectiveDate: Type.String(),
      inForce: Type.Boolean(),
      previousYearFen: Nullable(Type.Integer()),
      yearlySavingFen: Nullable(Type.Integer()),
    }),
  ),
  totalYearlySavingFen: Type.Integer(),
});
export const CatalogueVersions = Type.Object({
  items: Type.Array(
    Type.Object({
      versionNo: Type.Integer(),
      effectiveDate: Type.String(),
      appliedAt: Type.String(),
      changes: Type.Array(Type.Object({ feeCode: Type.String(), change: Type.String() })),
      fees: Type.Integer(),
    }),
  ),
});
