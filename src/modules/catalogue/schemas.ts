import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../shared/schema-helpers.js';

export const ITEM_TYPES = [
  'licensing',
  'confirmation',
  'payment',
  'adjudication',
  'reward',
  'filing',
  'public_service',
  'other',
] as const;
export const HANDLING_CLASSES = ['instant', 'promise', 'joint'] as const;
export const CHANNELS = ['window', 'online', 'post', 'self_service'] as const;
export const LEVELS = ['city', 'county', 'township'] as const;
export const BASIS_KINDS = [
  'law',
  'administrative_regulation',
  'local_regulation',
  'rule',
  'normative_document',
] as const;
export const MATERIAL_FORMS = ['original', 'copy', 'electronic'] as const;
export const MATERIAL_SOURCES = ['applicant', 'agency', 'window_check', 'commitment'] as const;
export const PAYMENT_POINTS = ['none', 'before_acceptance', 'before_decision', 'before_delivery'] as const;
export const FEE_CATEGORIES = ['administrative', 'fund', 'service'] as const;

const Text = (max = 500) => Type.String({ minLength: 1, maxLength: max });
/** An English name: optional; when given it may not be blank (validate-catalogue says so in both languages). */
const EnglishName = (max: number, description: string) =>
  Type.Optional(Type.String({ maxLength: max, description }));
/** A department's: null is also "none", as the department's view shows it (an edit may send the view back). */
const DepartmentEnglishName = (max: number, description: string) =>
  Type.Optional(Nullable(Type.String({ maxLength: max, description })));

export const DepartmentInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9]{2,12}$' }),
    name: Text(100),
    nameEn: DepartmentEnglishName(200, 'the English name, e.g. Qinghe Administration for Market Regulation'),
    shortName: Text(50),
    shortNameEn: DepartmentEnglishName(100, 'the English short name, e.g. Market Regulation'),
    creditCode: Type.String({ pattern: '^[0-9A-HJ-NP-RTUW-Y]{18}$' }),
    leader: Text(50),
    leaderTitle: Text(50),
    phone: Text(50),
    complaintPhone: Text(50),
    windows: Type.Array(Text(20), { maxItems: 50 }),
    hours: Text(200),
    address: Text(200),
  },
  { additionalProperties: false },
);
export type DepartmentInputT = Static<typeof DepartmentInput>;

export const FeeRule = Type.Union([
  Type.Object(
    { kind: Type.Literal('fixed'), amountFen: Type.Integer({ minimum: 0, maximum: 1e12 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('per_unit'),
      unit: Text(20),
      unitFen: Type.Integer({ minimum: 0, maximum: 1e12 }),
      minFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12 })),
      maxFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('tiered'),
      unit: Text(20),
      tiers: Type.Array(
        Type.Object(
          {
            upTo: Nullable(Type.Number({ exclusiveMinimum: 0 })),
            unitFen: Type.Integer({ minimum: 0, maximum: 1e12 }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 20 },
      ),
    },
    { additionalProperties: false },
  ),
]);
export type FeeRuleT = Static<typeof FeeRule>;

export const FeeInput = Type.Object(
  {
    code: Type.String({ pattern: '^FEE-[A-Z0-9-]{2,30}$' }),
    name: Text(100),
    departmentCode: Type.String({ pattern: '^[A-Z0-9]{2,12}$' }),
    category: StringEnum(FEE_CATEGORIES),
    basis: Text(2000),
    standard: Text(1000),
    management: Text(500),
    rule: FeeRule,
  },
  { additionalProperties: false },
);
export type FeeInputT = Static<typeof FeeInput>;

export const LegalBasis = Type.Object(
  {
    kind: StringEnum(BASIS_KINDS),
    title: Text(200),
    articles: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

export const Material = Type.Object(
  {
    name: Text(200),
    form: StringEnum(MATERIAL_FORMS),
    copies: Type.Integer({ minimum: 1, maximum: 99 }),
    required: Type.Boolean(),
    deferrable: Type.Boolean(),
    source: StringEnum(MATERIAL_SOURCES),
    notes: Type.Optional(Type.String({ maxLength: 1000 })),
    blankFormFileId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: '空白表格: a file uploaded for the catalogue',
      }),
    ),
    sampleFileId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: '示范文本/样表: a file uploaded for the catalogue',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SpecialProcedure = Type.Object(
  {
    name: Text(100),
    days: Type.Integer({ minimum: 0, maximum: 365 }),
    legalBasis: Text(500),
    charged: Type.Boolean(),
    counted: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const ItemInput = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z._-]+$' }),
    name: Text(200),
    nameEn: EnglishName(300, 'the English name, e.g. Food Business Licence'),
    type: StringEnum(ITEM_TYPES),
    level: StringEnum(LEVELS),
    departmentCode: Type.String({ pattern: '^[A-Z0-9]{2,12}$' }),
    implementingBody: Text(200),
    lifeEvents: Type.Array(Text(20), { maxItems: 20 }),
    keywords: Type.Array(Text(30), { maxItems: 50 }),
    legalBasis: Type.Array(LegalBasis, { minItems: 1, maxItems: 30 }),
    conditions: Type.Array(Text(1000), { minItems: 1, maxItems: 50 }),
    materials: Type.Array(Material, { maxItems: 100 }),
    procedure: Type.Array(
      Type.Object({ step: Text(50), description: Text(1000) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 30 },
    ),
    specialProcedures: Type.Array(SpecialProcedure, { maxItems: 20 }),
    statutoryDays: Type.Integer({ minimum: 0, maximum: 365 }),
    committedDays: Type.Integer({ minimum: 0, maximum: 365 }),
    handlingClass: StringEnum(HANDLING_CLASSES),
    fees: Type.Array(
      Type.Object(
        {
          feeCode: Type.String({ minLength: 1, maxLength: 40 }),
          note: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    paymentPoint: StringEnum(PAYMENT_POINTS),
    place: Text(300),
    window: Text(50),
    hours: Text(200),
    consultPhone: Text(50),
    complaintPhone: Text(50),
    onlineUrl: Type.Optional(Type.String({ maxLength: 500, pattern: '^https?://' })),
    channels: Type.Array(StringEnum(CHANNELS), { minItems: 1, maxItems: 4, uniqueItems: true }),
    maxVisits: Type.Integer({ minimum: 0, maximum: 2 }),
    responsibleLeader: Text(100),
    commitment: Text(2000),
    resultName: Text(200),
  },
  { additionalProperties: false },
);
export type ItemInputT = Static<typeof ItemInput>;

export const SynonymEntry = Type.Object(
  {
    term: Type.String({ minLength: 1, maxLength: 30 }),
    synonyms: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);
export type SynonymEntryT = Static<typeof SynonymEntry>;

export const CatalogueFile = Type.Object(
  {
    format: Type.Literal('onewindow-catalogue/1'),
    departments: Type.Array(DepartmentInput, { maxItems: 500 }),
    fees: Type.Array(FeeInput, { maxItems: 2000 }),
    items: Type.Array(ItemInput, { maxItems: 5000 }),
    synonyms: Type.Array(SynonymEntry, { maxItems: 5000 }),
  },
  { additionalProperties: false },
);
export type CatalogueFileT = Static<typeof CatalogueFile>;
