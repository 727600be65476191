import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';
import { CENTER_NAME } from '../cases/issue-document.js';
import type { DocumentInputOf } from '../documents/document-types.js';
import { renderPool } from '../documents/render-pool.js';
import type { PaymentChannel } from './gateway/payment-channel.js';
import type { Allocation } from './issue-receipt.js';
import { findForm, findPayment, linesOf, type FormRow, type ReceiptRow } from './repository.js';
import { verifyFormUrl, verifyReceiptUrl, type FeeRuntime } from './runtime.js';

const CHANNEL_TEXT: Record<string, string> = {
  simulated: '网上支付（模拟支付）',
  gateway: '网上支付',
  counter_cash: '窗口现金',
  counter_pos: '窗口POS刷卡',
};

async function common(db: Kysely<Database>, f: FormRow) {
  const [dept, version, c] = await Promise.all([
    db
      .selectFrom('departments')
      .select(['name', 'complaint_phone'])
      .where('id', '=', f.department_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('item_versions')
      .select('name')
      .where('id', '=', f.item_version_id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('cases').select('receipt_no').where('id', '=', f.case_id).executeTakeFirstOrThrow(),
  ]);
  return {
    centerName: CENTER_NAME,
    agencyName: dept.name,
    receiptNo: c.receipt_no,
    applicant: { name: f.payer_name, idMasked: f.payer_id_masked || '—' },
    itemNames: [version.name],
    complaintPhone: dept.complaint_phone,
  };
}

/**
 * The payment form as a PDF, composed from what is stored — so it can be printed again at any time
 * and comes out the same — with a QR code that checks its authenticity. Rendered on the render
 * threads, the request waiting for it.
 */
export async function paymentFormPdf(rt: FeeRuntime, channels: PaymentChannel[], f: FormRow) {
  const lines = await linesOf(rt.db, [f.id]);
  const charged = lines.filter((l) => l.charged_fen > 0);
  const input: DocumentInputOf<'payment_form'> = {
    ...(await common(rt.db, f)),
    kind: 'payment_form',
    number: f.number,
    issuedAt: f.issued_at,
    trackingUrl: verifyFormUrl(rt, f.number, f.payment_code),
    paymentCode: f.payment_code,
    dueDate: f.due_date,
    lines: charged.map((l) => ({
      code: l.fee_code,
      name: l.fee_name,
      basis: l.basis,
      standard: l.standard,
      quantity: l.quantity,
      amountFen: l.charged_fen,
      waivedFen: l.waived_fen,
      ...(l.waiver_basis ? { waiverBasis: l.waiver_basis } : {}),
    })),
    totalFen: charged.reduce((s, l) => s + l.charged_fen - l.waived_fen, 0),
    payChannels: channels.map((c) =>
      c.describe({ number: f.number, paymentCode: f.payment_code, outstandingFen: f.outstanding_fen }),
    ),
  };
  return renderPool().render(input); // (on a render thread, not the request's)
}

/** A receipt as a PDF: what its payment paid, line by line, with a QR code that verifies it. */
export async function receiptPdf(rt: FeeRuntime, r: ReceiptRow) {
  const f = (await findForm(rt.db, r.form_id))!;
  const p = (await findPayment(rt.db, r.payment_id))!;
  const alloc = fromJson<{ lines: Allocation[]; replaces: string | null }>(r.allocation, {
    lines: [],
    replaces: null,
  });
  const input: DocumentInputOf<'receipt'> = {
    ...(await common(rt.db, f)),
    kind: 'receipt',
    number: r.number,
    issuedAt: r.issued_at,
    trackingUrl: verifyReceiptUrl(rt, r.number, r.check_code),
    formNumber: f.number,
    paymentCode: f.payment_code,
    lines: alloc.lines.map((l) => ({ code: l.feeCode, name: l.name, amountFen: l.amountFen })),
    amountFen: r.amount_fen,
    channel: CHANNEL_TEXT[p.channel] ?? p.channel,
    paidAt: p.paid_at,
    checkCode: r.check_code,
    ...(p.reference ? { reference: p.reference } : {}),
    ...(alloc.replaces ? { replaces: alloc.replaces } : {}),
  };
  return renderPool().render(input); // (on a render thread, not the request's)
}
