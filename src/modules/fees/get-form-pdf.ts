import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../server/errors.js';
import { paymentFormPdf } from './fee-documents.js';
import { readableCase } from './get-case-fees.js';
import type { PaymentChannel } from './gateway/payment-channel.js';
import { findForm } from './repository.js';
import type { FeeRuntime } from './runtime.js';

/** The payment form (缴款书) as PDF, for whoever may read its case. */
export async function getFormPdf(rt: FeeRuntime, channels: PaymentChannel[], actor: Actor, formId: string) {
  const f = await findForm(rt.db, formId);
  if (!f) throw notFound('payment_form', formId);
  await readableCase(rt, actor, f.case_id);
  const doc = await paymentFormPdf(rt, channels, f);
  return { number: f.number, sha256: doc.sha256, pdf: doc.pdf };
}
