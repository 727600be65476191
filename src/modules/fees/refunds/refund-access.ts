import type { UnitOfWork } from '../../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../../server/errors.js';
import { findForm, findRefund, linesOf, refundableOf, type FormRow, type RefundRow } from '../repository.js';

export const REFUND_NEXT: Record<string, string> = {
  found: 'file',
  requested: 'review',
  filed: 'approve',
  approved: 'pay',
};

/** Loads a refund for a step: it must be in the state the step starts from, at the version read. */
export async function refundForStep(
  uow: UnitOfWork,
  id: string,
  from: string,
  action: string,
  version: number,
): Promise<{ r: RefundRow; form: FormRow }> {
  const r = await findRefund(uow.db, id);
  if (!r) throw notFound('refund', id);
  if (r.status !== from)
    throw new AppError('invalid_state', { state: r.status, action, allowed: REFUND_NEXT[r.status] ?? '—' });
  if (r.version !== version) throw staleVersion(r.version, version);
  return { r, form: (await findForm(uow.db, r.form_id))! };
}

export async function saveRefund(
  uow: UnitOfWork,
  r: RefundRow,
  changes: Partial<RefundRow>,
): Promise<RefundRow> {
  const res = await uow.db
    .updateTable('fee_refunds')
    .set({ ...changes, version: r.version + 1 })
    .where('id', '=', r.id)
    .where('version', '=', r.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw staleVersion(r.version + 1, r.version);
  return { ...r, ...changes, version: r.version + 1 };
}

/** Fee money of a form that may still be refunded: paid, less refunded, less refunds already in hand. */
export async function refundableFee(
  uow: UnitOfWork,
  formId: string,
  exceptRefundId?: string,
): Promise<number> {
  const lines = await linesOf(uow.db, [formId]);
  const pending = await uow.db
    .selectFrom('fee_refunds')
    .select(['id', 'amount_fen'])
    .where('form_id', '=', formId)
    .where('source', '=', 'fee')
    .where('status', 'in', ['found', 'requested', 'filed', 'approved'])
    .execute();
  return (
    lines.reduce((s, l) => s + refundableOf(l), 0) -
    pending.filter((p) => p.id !== exceptRefundId).reduce((s, p) => s + p.amount_fen, 0)
  );
}
