import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../server/errors.js';
import { receiptPdf } from './fee-documents.js';
import { readableCase } from './get-case-fees.js';
import { findReceipt } from './repository.js';
import type { FeeRuntime } from './runtime.js';

/** A receipt (收款票据) as PDF, for whoever may read its case. */
export async function getReceiptPdf(rt: FeeRuntime, actor: Actor, receiptId: string) {
  const r = await findReceipt(rt.db, receiptId);
  if (!r) throw notFound('receipt', receiptId);
  await readableCase(rt, actor, r.case_id);
  const doc = await receiptPdf(rt, r);
  return { number: r.number, sha256: doc.sha256, pdf: doc.pdf };
}
