import { Type } from '@sinclair/typebox';
import { IsoDate, IsoDateOrMonth, StringEnum } from '../../shared/schema-helpers.js';
import { REFUND_METHODS } from './refunds/pay-refund.js';

const Text = (max = 1000) => Type.String({ minLength: 1, maxLength: max });
const Fen = (min = 1) => Type.Integer({ minimum: min, maximum: 1e12, description: 'integer fen (分)' });
const Version = {
  version: Type.Integer({ minimum: 1, description: 'the version you read (optimistic concurrency)' }),
};
const FeeCode = Type.String({ pattern: '^FEE-[A-Z0-9-]{2,30}$' });

export const IssueBody = Type.Object(
  {
    itemId: Type.Optional(Type.String({ maxLength: 100 })),
    quantities: Type.Optional(
      Type.Record(Type.String({ maxLength: 40 }), Type.Number({ minimum: 0, maximum: 1e9 }), {
        description: 'quantity per fee code (平方米, 台, 件 …); 0 leaves the line out',
      }),
    ),
    feeCodes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
        minItems: 1,
        maxItems: 20,
        description: "charge only these of the item's fee lines",
      }),
    ),
  },
  { additionalProperties: false },
);
export const CounterPaymentBody = Type.Object(
  {
    method: StringEnum(['cash', 'pos'] as const),
    amountFen: Fen(),
    reference: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const WaiverBody = Type.Object(
  {
    ...Version,
    feeCode: FeeCode,
    amountFen: Type.Optional(Fen()),
    legalBasis: Text(500),
    reason: Text(1000),
  },
  { additionalProperties: false },
);
export const CancelBody = Type.Object({ ...Version, reason: Text(1000) }, { additionalProperties: false });
export const VoidRequestBody = Type.Object(
  {
    ...Version,
    reason: Text(1000),
    reissue: Type.Boolean({
      description: 'true: a new receipt replaces this one; false: the counter payment is undone',
    }),
  },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object(
  { ...Version, approve: Type.Boolean(), note: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);
export const RefundRequestBody = Type.Object(
  { amountFen: Fen(), reason: Text(1000) },
  { additionalProperties: false },
);
export const FileRefundBody = Type.Object(
  { ...Version, note: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);
export const PayRefundBody = Type.Object(
  { ...Version, method: StringEnum(REFUND_METHODS), reference: Text(100) },
  { additionalProperties: false },
);
export const RemitBody = Type.Object(
  { reference: Text(100), departmentId: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const ReconcileBody = Type.Object(
  {
    gateway: Type.String({ pattern: '^[a-z][a-z0-9-]{1,30}$' }),
    date: Type.Optional(IsoDate()),
    csv: Type.String({ minLength: 1, maxLength: 4_000_000 }),
  },
  { additionalProperties: false },
);
export const ResolveBody = Type.Object(
  {
    note: Text(1000),
    apply: Type.Optional(Type.Boolean({ description: 'apply a missing payment from the statement' })),
  },
  { additionalProperties: false },
);
export const ItemSettingsBody = Type.Object(
  { deliverBeforePaid: Type.Boolean(), note: Type.Optional(Text(500)) },
  { additionalProperties: false },
);
export const ReportQuery = Type.Object({
  period: StringEnum(['day', 'month'] as const),
  date: IsoDateOrMonth(),
  department: Type.Optional(Type.String({ maxLength: 100 })),
  format: StringEnum(['json', 'csv', 'xlsx'] as const, { default: 'json' }),
});
export const CheckoutBody = Type.Object({ amountFen: Fen() }, { additionalProperties: false });
