import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../shared/schema-helpers.js';
import { DOCUMENT_STATUSES, STANDINGS } from './standing.js';
import { CADENCES } from './periods.js';

const DocRef = Type.Object({
  id: Type.String(),
  docNo: Type.String(),
  title: Type.String(),
  standing: StringEnum(STANDINGS),
});

export const DocumentSummary = Type.Object({
  id: Type.String(),
  docNo: Type.String(),
  title: Type.String(),
  issuer: Type.String(),
  issuedOn: Type.String(),
  effectiveOn: Type.String(),
  expiresOn: Nullable(Type.String()),
  status: StringEnum(DOCUMENT_STATUSES),
  /** How it stands today: in force, not yet effective, expired (past its validity), amended, repealed. */
  standing: StringEnum(STANDINGS),
  score: Type.Optional(Type.Number()),
  matched: Type.Optional(Type.Array(Type.String())),
});
export type DocumentSummaryT = Static<typeof DocumentSummary>;

export const DocumentList = Type.Object({
  today: Type.String(),
  terms: Type.Array(Type.String()),
  items: Type.Array(DocumentSummary),
  /** Every document listed or found, beyond this page. */
  total: Type.Integer(),
  offset: Type.Integer(),
  limit: Type.Integer(),
});

export const CitingItem = Type.Object({
  linkId: Type.String(),
  itemCode: Type.String(),
  itemName: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  basisTitle: Nullable(Type.String()),
});

export const DocumentView = Type.Object({
  ...DocumentSummary.properties,
  body: Type.String(),
  interpretation: Nullable(Type.String()),
  repealedOn: Nullable(Type.String()),
  repealReason: Nullable(Type.String()),
  amends: Nullable(DocRef),
  amendedBy: Nullable(DocRef),
  repealedBy: Nullable(DocRef),
  citedBy: Type.Array(CitingItem),
  today: Type.String(),
  version: Type.Integer(),
});
export type DocumentViewT = Static<typeof DocumentView>;

export const ItemDocuments = Type.Object({
  itemCode: Type.String(),
  documents: Type.Array(
    Type.Object({ linkId: Type.String(), basisTitle: Nullable(Type.String()), document: DocumentSummary }),
  ),
});

export const LinkView = Type.Object({
  id: Type.String(),
  itemCode: Type.String(),
  documentId: Type.String(),
  basisTitle: Nullable(Type.String()),
});

const Line = Type.Object({ name: Type.String(), amountFen: Type.Integer(), note: Nullable(Type.String()) });

export const PERIOD_STATES = ['disclosed', 'disclosed_late', 'overdue', 'awaiting', 'current'] as const;
export const PeriodView = Type.Object({
  period: Type.String(),
  start: Type.String(),
  end: Type.String(),
  dueOn: Type.String(),
  state: StringEnum(PERIOD_STATES),
  statementId: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
});

export const VillageSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  township: Type.String(),
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  cadence: StringEnum(CADENCES),
  dueDays: Type.Integer(),
  discloseFrom: Type.String(),
  nextChange: Nullable(
    Type.Object(
      {
        startsOn: Type.String(),
        fromPeriod: Type.String(),
        cadence: StringEnum(CADENCES),
        dueDays: Type.Integer(),
      },
      { description: 'a change of cadence or due days scheduled from a period still to come' },
    ),
  ),
  overdue: Type.Integer({ description: 'periods past their due day with nothing published' }),
  lastDisclosed: Nullable(Type.String()),
  version: Type.Integer(),
});
export const VillageList = Type.Object({ today: Type.String(), items: Type.Array(VillageSummary) });
export const VillageView = Type.Object({
  ...VillageSummary.properties,
  today: Type.String(),
  periods: Type.Array(PeriodView),
  upcoming: Type.Array(
    Type.Object({ period: Type.String(), start: Type.String(), end: Type.String(), dueOn: Type.String() }),
    { description: 'the periods starting within the next six months, under the terms in force then' },
  ),
  terms: Type.Array(
    Type.Object({ startsOn: Type.String(), cadence: StringEnum(CADENCES), dueDays: Type.Integer() }),
    { description: 'the cadence and due days from each day on, oldest first' },
  ),
});

export const StatementView = Type.Object({
  id: Type.String(),
  villageId: Type.String(),
  villageName: Type.String(),
  township: Type.String(),
  period: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  dueOn: Type.String(),
  onTime: Type.Boolean(),
  income: Type.Array(Line),
  expenditure: Type.Array(Line),
  assets: Type.Array(Line),
  totals: Type.Object({
    incomeFen: Type.Integer(),
    expenditureFen: Type.Integer(),
    assetsFen: Type.Integer(),
  }),
  majorMatters: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  publishedAt: Type.String(),
  files: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      mime: Type.String(),
      size: Type.Integer(),
      sha256: Type.String(),
    }),
  ),
});
export type StatementViewT = Static<typeof StatementView>;
export type VillageViewT = Static<typeof VillageView>;
