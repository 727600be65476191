import { fromJson } from '../../shared/json.js';
import type { FormRow, LineRow, PaymentRow, ReceiptRow, RefundRow } from './repository.js';

export const presentLine = (l: LineRow) => ({
  id: l.id,
  seq: l.seq,
  feeCode: l.fee_code,
  name: l.fee_name,
  basis: l.basis,
  standard: l.standard,
  quantity: l.quantity,
  note: l.note,
  chargedFen: l.charged_fen,
  waivedFen: l.waived_fen,
  paidFen: l.paid_fen,
  heldFen: l.held_fen,
  remittedFen: l.remitted_fen,
  refundedFen: l.refunded_fen,
  waiverBasis: l.waiver_basis,
  waiverReason: l.waiver_reason,
});

export const presentPayment = (p: PaymentRow) => ({
  id: p.id,
  channel: p.channel,
  gateway: p.gateway,
  reference: p.reference,
  amountFen: p.amount_fen,
  appliedFen: p.applied_fen,
  excessFen: p.excess_fen,
  late: p.late === 1,
  paidAt: p.paid_at,
  recordedAt: p.recorded_at,
  status: p.status,
});

export const presentReceipt = (r: ReceiptRow) => ({
  id: r.id,
  number: r.number,
  checkCode: r.check_code,
  paymentId: r.payment_id,
  amountFen: r.amount_fen,
  issuedAt: r.issued_at,
  status: r.status,
  lines: fromJson<{ lines: { feeCode: string; name: string; amountFen: number }[] }>(r.allocation, {
    lines: [],
  }).lines.map((l) => ({ feeCode: l.feeCode, name: l.name, amountFen: l.amountFen })),
  replaces: fromJson<{ replaces: string | null }>(r.allocation, { replaces: null }).replaces,
  voidReason: r.void_reason,
  voidReissue: r.void_reissue === null ? null : r.void_reissue === 1,
  voidRequestedAt: r.void_requested_at,
  voidDecidedAt: r.void_decided_at,
  voidNote: r.void_note,
  version: r.version,
});

export const presentRefund = (r: RefundRow, formNumber?: string) => ({
  id: r.id,
  formId: r.form_id,
  formNumber: formNumber ?? null,
  caseId: r.case_id,
  departmentId: r.department_id,
  origin: r.origin,
  source: r.source,
  amountFen: r.amount_fen,
  reason: r.reason,
  status: r.status,
  clockId: r.clock_id,
  createdAt: r.created_at,
  filedAt: r.filed_at,
  reviewedAt: r.reviewed_at,
  reviewNote: r.review_note,
  approvedAt: r.approved_at,
  approvalNote: r.approval_note,
  paidAt: r.paid_at,
  method: r.method,
  reference: r.reference,
  version: r.version,
});

export interface FormExtras {
  itemName: string | null;
  departmentName: string | null;
  receiptNo: string | null;
  checkoutUrl: string | null;
}

/** A form as its payer and the staff see it: the payment code is how one pays, so it is shown. */
export const presentForm = (f: FormRow, lines: LineRow[], x: FormExtras) => ({
  id: f.id,
  number: f.number,
  paymentCode: f.payment_code,
  caseId: f.case_id,
  receiptNo: x.receiptNo,
  itemId: f.item_id,
  itemName: x.itemName,
  departmentId: f.department_id,
  departmentName: x.departmentName,
  paymentPoint: f.payment_point,
  payer: { name: f.payer_name, idMasked: f.payer_id_masked },
  status: f.status,
  chargedFen: f.charged_fen,
  waivedFen: f.waived_fen,
  paidFen: f.paid_fen,
  outstandingFen: f.outstanding_fen,
  dueDate: f.due_date,
  issuedAt: f.issued_at,
  settledAt: f.settled_at,
  cancelledAt: f.cancelled_at,
  cancelReason: f.cancel_reason,
  checkoutUrl: f.status === 'open' ? x.checkoutUrl : null,
  version: f.version,
  lines: lines.map(presentLine),
});
