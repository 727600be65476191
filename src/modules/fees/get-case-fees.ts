import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../server/errors.js';
import { casePolicy } from '../cases/policy.js';
import { authorize } from '../../shared/policy.js';
import { departmentIdsOf, findCase } from '../cases/case-reads.js';
import { catalogueFor, chargedItemsOf } from './case-items.js';
import { formQuantities, planLines } from './fee-lines.js';
import type { PaymentChannel } from './gateway/payment-channel.js';
import { loadForms } from './read-forms.js';
import { findForm, formsOfCase } from './repository.js';
import type { FeeRuntime } from './runtime.js';

async function readableCase(rt: FeeRuntime, actor: Actor, caseId: string) {
  const c = await findCase(rt.db, caseId);
  if (!c) throw notFound('case', caseId);
  const parties = { applicantUserId: c.applicant_user_id, departmentIds: await departmentIdsOf(rt.db, c) };
  authorize(actor, casePolicy.read, parties, 'case.fees.read');
  return c;
}

/** A case's fees: its forms (lines, payments, receipts, refunds), the forms still to be issued, totals. */
export async function getCaseFees(rt: FeeRuntime, channels: PaymentChannel[], actor: Actor, caseId: string) {
  const c = await readableCase(rt, actor, caseId);
  const forms = await loadForms(rt.db, channels, await formsOfCase(rt.db, c.id));
  const items = await chargedItemsOf(rt.db, c.id);
  const catalogue = await catalogueFor(
    rt.db,
    items.flatMap((i) => i.fees.map((f) => f.feeCode)),
  );
  const awaiting = items
    .filter((i) => !forms.some((f) => f.itemId === i.itemId && f.status !== 'cancelled'))
    .map((i) => {
      const plan = planLines(i.fees, catalogue, formQuantities(c.form));
      return {
        itemId: i.itemId,
        itemName: i.name,
        paymentPoint: i.paymentPoint,
        missingQuantities: plan.missing.map((m) => ({
          feeCode: m.feeCode,
          // People read the fee's name; the code stays for the request that supplies the quantity.
          feeName: catalogue.get(m.feeCode)?.name ?? m.feeCode,
          unit: m.unit,
        })),
      };
    });
  const sum = (k: 'chargedFen' | 'waivedFen' | 'paidFen' | 'outstandingFen') =>
    forms.reduce((s, f) => s + f[k], 0);
  const refunded = forms.reduce((s, f) => s + f.lines.reduce((a, l) => a + l.refundedFen, 0), 0);
  return {
    caseId: c.id,
    receiptNo: c.receipt_no,
    forms,
    awaiting,
    totals: {
      chargedFen: sum('chargedFen'),
      waivedFen: sum('waivedFen'),
      paidFen: sum('paidFen'),
      outstandingFen: sum('outstandingFen'),
      refundedFen: refunded,
    },
  };
}

/** One form with everything about it, for whoever may read its case. */
export async function getForm(rt: FeeRuntime, channels: PaymentChannel[], actor: Actor, formId: string) {
  const f = await findForm(rt.db, formId);
  if (!f) throw notFound('payment_form', formId);
  await readableCase(rt, actor, f.case_id);
  return (await loadForms(rt.db, channels, [f]))[0]!;
}

export { readableCase };
