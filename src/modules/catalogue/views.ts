import { Type } from '@sinclair/typebox';
import { Nullable } from '../../shared/schema-helpers.js';
import {
  FeeRule,
  HANDLING_CLASSES,
  ITEM_TYPES,
  CHANNELS,
  FEE_CATEGORIES,
  LEVELS,
  PAYMENT_POINTS,
  LegalBasis,
  Material,
  SpecialProcedure,
} from './schemas.js';
import { StringEnum } from '../../shared/schema-helpers.js';

export const DepartmentView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String({ description: 'the English name; null when the catalogue gives none' })),
  shortName: Type.String(),
  shortNameEn: Nullable(Type.String()),
  creditCode: Type.String(),
  leader: Type.String(),
  leaderTitle: Type.String(),
  phone: Type.String(),
  complaintPhone: Type.String(),
  windows: Type.Array(Type.String()),
  hours: Type.String(),
  address: Type.String(),
  version: Type.Integer(),
});

const DeptRef = Nullable(
  Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    nameEn: Nullable(Type.String()),
  }),
);

export const FeeView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  category: StringEnum(FEE_CATEGORIES),
  department: DeptRef,
  basis: Type.String(),
  standard: Type.String(),
  management: Type.String(),
  rule: FeeRule,
  fixedAmountFen: Nullable(Type.Integer()),
  status: Type.String(),
  version: Type.Integer(),
});

export const ItemSummaryView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String({ description: 'the English name; null when the catalogue gives none' })),
  type: StringEnum(ITEM_TYPES),
  handlingClass: StringEnum(HANDLING_CLASSES),
  versionNo: Type.Integer(),
  department: Nullable(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      shortName: Type.String(),
      shortNameEn: Nullable(Type.String()),
    }),
  ),
  statutoryDays: Type.Integer(),
  committedDays: Type.Integer(),
  channels: Type.Array(Type.String()),
  maxVisits: Type.Integer(),
  charged: Type.Boolean(),
  lifeEvents: Type.Array(Type.String()),
  resultName: Type.String(),
});

export const SearchHitView = Type.Intersect([
  ItemSummaryView,
  Type.Object({ score: Type.Number(), matched: Type.Array(Type.String()) }),
]);

export const ItemDetailView = Type.Object({
  id: Type.String(),
  status: Type.String(),
  version: Type.Object({
    id: Type.String(),
    no: Type.Integer(),
    status: Type.String(),
    createdAt: Type.String(),
    publishedAt: Nullable(Type.String()),
  }),
  department: Nullable(DepartmentView),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String({ description: 'the English name; null when the catalogue gives none' })),
  type: StringEnum(ITEM_TYPES),
  level: StringEnum(LEVELS),
  implementingBody: Type.String(),
  lifeEvents: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()),
  legalBasis: Type.Array(LegalBasis),
  conditions: Type.Array(Type.String()),
  materials: Type.Array(Material),
  procedure: Type.Array(Type.Object({ step: Type.String(), description: Type.String() })),
  specialProcedures: Type.Array(SpecialProcedure),
  statutoryDays: Type.Integer(),
  committedDays: Type.Integer(),
  handlingClass: StringEnum(HANDLING_CLASSES),
  fees: Type.Array(
    Type.Object({
      feeCode: Type.String(),
      note: Nullable(Type.String()),
      name: Nullable(Type.String()),
      standard: Nullable(Type.String()),
      basis: Nullable(Type.String()),
      rule: Nullable(FeeRule),
      fixedAmountFen: Nullable(Type.Integer()),
      published: Type.Boolean(),
    }),
  ),
  paymentPoint: StringEnum(PAYMENT_POINTS),
  place: Type.String(),
  window: Type.String(),
  hours: Type.String(),
  consultPhone: Type.String(),
  complaintPhone: Type.String(),
  onlineUrl: Type.Optional(Type.String()),
  channels: Type.Array(StringEnum(CHANNELS)),
  maxVisits: Type.Integer(),
  responsibleLeader: Type.String(),
  commitment: Type.String(),
  resultName: Type.String(),
  materialFiles: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      mime: Type.String(),
      size: Type.Integer(),
      sha256: Type.String(),
    }),
    {
      description:
        'the blank forms and samples the materials name (download: /items/{id}/material-files/{fileId})',
    },
  ),
});

export const SummaryView = Type.Object({
  departments: Type.Integer(),
  licensingItems: Type.Integer(),
  feeAndConvenienceItems: Type.Integer(),
  totalItems: Type.Integer(),
  publishedFees: Type.Integer(),
  byType: Type.Record(Type.String(), Type.Integer()),
  byHandlingClass: Type.Record(Type.String(), Type.Integer()),
});
