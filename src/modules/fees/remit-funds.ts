import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import { newId } from '../../shared/ids.js';
import { feePolicy } from './policy.js';
import { postLedger, type LedgerEntry } from './ledger.js';
import type { FeeRuntime } from './runtime.js';

/**
 * Hands the held fee money to the treasury (上缴国库), line by line, under the treasury's reference.
 * Optionally only one department's. Overpayments are not remitted: they are owed back.
 */
export async function remitFunds(
  rt: FeeRuntime,
  actor: Actor,
  input: { reference: string; departmentId?: string },
) {
  authorize(actor, feePolicy.remit, undefined, 'fee.remit');
  return audited(rt.db, rt.clock, actor, async (uow) => {
    let q = uow.db
      .selectFrom('fee_form_lines as l')
      .innerJoin('fee_forms as f', 'f.id', 'l.form_id')
      .select([
        'l.id',
        'l.held_fen',
        'l.remitted_fen',
        'l.fee_code',
        'f.id as form_id',
        'f.case_id',
        'f.department_id',
      ])
      .where('l.held_fen', '>', 0);
    if (input.departmentId) q = q.where('f.department_id', '=', input.departmentId);
    const lines = await q.execute();
    if (!lines.length)
      throw new AppError('invalid_state', { state: '无待上缴款项', action: 'remit', allowed: '—' });
    const id = newId(uow.now.getTime());
    const entries: LedgerEntry[] = [];
    for (const l of lines) {
      const r = await uow.db
        .updateTable('fee_form_lines')
        .set({ held_fen: 0, remitted_fen: l.remitted_fen + l.held_fen })
        .where('id', '=', l.id)
        .where('held_fen', '=', l.held_fen)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw new AppError('stale_version', { current: '?', given: l.held_fen });
      entries.push({
        kind: 'remit',
        amount: l.held_fen,
        caseId: l.case_id,
        formId: l.form_id,
        departmentId: l.department_id,
        lineId: l.id,
        feeCode: l.fee_code,
        refType: 'remittance',
        refId: id,
      });
    }
    await postLedger(uow.db, uow.now, entries);
    const amount = lines.reduce((s, l) => s + l.held_fen, 0);
    await uow.db
      .insertInto('fee_remittances')
      .values({
        id,
        at: uow.nowIso,
        by: actor.id,
        amount_fen: amount,
        lines: lines.length,
        reference: input.reference.trim(),
      })
      .execute();
    await uow.audit({
      action: 'fee.remitted',
      entityType: 'fee_remittance',
      entityId: id,
      data: {
        amountFen: amount,
        lines: lines.length,
        reference: input.reference,
        departmentId: input.departmentId ?? null,
      },
    });
    return { id, amountFen: amount, lines: lines.length, reference: input.reference.trim() };
  });
}
