import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, NOT_BLANK, StringEnum } from '../../shared/schema-helpers.js';
import { DOCUMENT_STATUSES } from './standing.js';
import { CADENCES } from './periods.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });
const Key = Type.String({ minLength: 1, maxLength: 100 });
const Version = { version: Type.Integer({ minimum: 1 }) };

export const PublishDocumentBody = Type.Object(
  {
    docNo: Text(100),
    title: Text(300),
    issuer: Text(200),
    issuedOn: IsoDate(),
    effectiveOn: IsoDate(),
    expiresOn: Type.Optional(
      IsoDate({ description: 'the last day of validity; none: valid until repealed' }),
    ),
    body: Text(200000),
    interpretation: Type.Optional(Type.String({ maxLength: 50000, description: '政策解读' })),
    amendsId: Type.Optional(
      Type.String({ maxLength: 100, description: 'the document this one amends; it becomes amended' }),
    ),
    amendsVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type PublishDocumentInput = Static<typeof PublishDocumentBody>;

export const RepealBody = Type.Object(
  {
    ...Version,
    repealedOn: IsoDate(),
    reason: Text(1000),
    repealedById: Type.Optional(Type.String({ maxLength: 100, description: 'the document that repeals it' })),
  },
  { additionalProperties: false },
);
export type RepealInput = Static<typeof RepealBody>;

export const InterpretationBody = Type.Object(
  { ...Version, interpretation: Text(50000) },
  { additionalProperties: false },
);

export const DocumentQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(StringEnum(DOCUMENT_STATUSES)),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  offset: Type.Integer({
    minimum: 0,
    maximum: 1000000,
    default: 0,
    description: 'documents skipped, in the order listed',
  }),
});

export const LinkBody = Type.Object(
  {
    itemCode: Text(100),
    documentId: Key,
    basisTitle: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type LinkInput = Static<typeof LinkBody>;

export const ItemCodeParam = Type.Object({ code: Text(100) });

export const VillageBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }),
    name: Text(100),
    township: Text(100),
    departmentId: Key,
    cadence: Type.Optional(StringEnum(CADENCES)),
    dueDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
    discloseFrom: IsoDate({ description: 'the first period to disclose is the one holding this day' }),
  },
  { additionalProperties: false },
);
export type VillageInput = Static<typeof VillageBody>;

export const CadenceBody = Type.Object(
  {
    ...Version,
    cadence: StringEnum(CADENCES),
    dueDays: Type.Integer({ minimum: 0, maximum: 60 }),
    fromPeriod: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-(Q[1-4]|0[1-9]|1[0-2])$',
        description:
          'the first period of the new cadence the change applies to (2027-Q1 or 2027-01); none: the earliest possible',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CadenceInput = Static<typeof CadenceBody>;

const Line = Type.Object(
  {
    name: Text(200),
    amountFen: Type.Integer({ minimum: 0, maximum: 1e13, description: 'integer fen' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
const Lines = Type.Array(Line, { maxItems: 200 });
export const StatementBody = Type.Object(
  {
    period: Type.String({ pattern: '^\\d{4}-(Q[1-4]|0[1-9]|1[0-2])$', description: '2026-Q3 or 2026-09' }),
    income: Lines,
    expenditure: Lines,
    assets: Lines,
    majorMatters: Type.Array(Text(2000), { maxItems: 50, description: '重大事项' }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type StatementInput = Static<typeof StatementBody>;
export type LineT = Static<typeof Line>;

export const FileParam = Type.Object({ id: Key, fileId: Key });
