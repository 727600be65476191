import { Type } from '@sinclair/typebox';
import { Nullable } from '../../shared/schema-helpers.js';

const S = Type.String();
const N = Type.Integer();
const NS = Nullable(Type.String());

export const LineView = Type.Object({
  id: S,
  seq: N,
  feeCode: S,
  name: S,
  basis: S,
  standard: S,
  quantity: S,
  note: NS,
  chargedFen: N,
  waivedFen: N,
  paidFen: N,
  heldFen: N,
  remittedFen: N,
  refundedFen: N,
  waiverBasis: NS,
  waiverReason: NS,
});
export const PaymentView = Type.Object({
  id: S,
  channel: S,
  gateway: NS,
  reference: NS,
  amountFen: N,
  appliedFen: N,
  excessFen: N,
  late: Type.Boolean(),
  paidAt: S,
  recordedAt: S,
  status: S,
});
export const ReceiptView = Type.Object({
  id: S,
  number: S,
  checkCode: S,
  paymentId: S,
  amountFen: N,
  issuedAt: S,
  status: S,
  lines: Type.Array(Type.Object({ feeCode: S, name: S, amountFen: N })),
  replaces: NS,
  voidReason: NS,
  voidReissue: Nullable(Type.Boolean()),
  voidRequestedAt: NS,
  voidDecidedAt: NS,
  voidNote: NS,
  version: N,
});
export const RefundView = Type.Object({
  id: S,
  formId: S,
  formNumber: NS,
  caseId: S,
  departmentId: S,
  origin: S,
  source: S,
  amountFen: N,
  reason: S,
  status: S,
  clockId: NS,
  createdAt: S,
  filedAt: NS,
  reviewedAt: NS,
  reviewNote: NS,
  approvedAt: NS,
  approvalNote: NS,
  paidAt: NS,
  method: NS,
  reference: NS,
  version: N,
});
export const FormView = Type.Object({
  id: S,
  number: S,
  paymentCode: S,
  caseId: S,
  receiptNo: NS,
  itemId: S,
  itemName: NS,
  departmentId: S,
  departmentName: NS,
  paymentPoint: S,
  payer: Type.Object({ name: S, idMasked: S }),
  status: S,
  chargedFen: N,
  waivedFen: N,
  paidFen: N,
  outstandingFen: N,
  dueDate: S,
  issuedAt: S,
  settledAt: NS,
  cancelledAt: NS,
  cancelReason: NS,
  checkoutUrl: NS,
  version: N,
  lines: Type.Array(LineView),
});
export const FormDetailView = Type.Intersect([
  FormView,
  Type.Object({
    payments: Type.Array(PaymentView),
    receipts: Type.Array(ReceiptView),
    refunds: Type.Array(RefundView),
  }),
]);
export const CaseFeesView = Type.Object({
  caseId: S,
  receiptNo: S,
  forms: Type.Array(FormDetailView),
  awaiting: Type.Array(
    Type.Object({
      itemId: S,
      itemName: S,
      paymentPoint: S,
      missingQuantities: Type.Array(Type.Object({ feeCode: S, feeName: S, unit: S })),
    }),
    { description: 'charged items whose form is not issued yet' },
  ),
  totals: Type.Object({ chargedFen: N, waivedFen: N, paidFen: N, outstandingFen: N, refundedFen: N }),
});
export const PaymentOutcomeView = Type.Object({
  form: FormView,
  payment: PaymentView,
  receipt: Nullable(ReceiptView),
  refund: Nullable(RefundView),
});
export const VerifyView = Type.Object({
  authentic: Type.Literal(true),
  kind: S,
  number: S,
  status: S,
  issuedAt: S,
  amountFen: N,
  payer: S,
  agency: S,
  lines: Type.Array(Type.Object({ feeCode: S, name: S, amountFen: N })),
  dueDate: NS,
  paidFen: Nullable(N),
  formNumber: NS,
});

/** A payment applied from a bank statement while resolving a reconciliation item (NotificationOutcome). */
export const AppliedFromStatementView = Type.Object({
  status: Type.String({ description: 'applied, or duplicate when the payment was already in' }),
  formNumber: Type.Optional(S),
  receipt: Type.Optional(NS),
  appliedFen: Type.Optional(N),
  excessFen: Type.Optional(N),
});
