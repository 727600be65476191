import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { audited } from '../../audit/audited-transaction.js';
import { AppError } from '../../../server/errors.js';
import { newId, sha256 } from '../../../shared/ids.js';
import { localDate } from '../../clock/local-time.js';
import { feePolicy } from '../policy.js';
import type { FeeRuntime } from '../runtime.js';
import { parseStatement } from './parse-statement.js';

export interface ReconcileInput {
  gateway: string;
  date?: string;
  csv: string;
}

const CST_MS = 8 * 3_600_000;

/**
 * Imports a gateway's daily statement and matches it with the ledger by transaction id. What the
 * statement lists and the ledger lacks is "missing" (a notification never arrived); what the
 * ledger has for that day and gateway but the statement lacks is "extra"; a transaction in both
 * with another amount is "different". Each is an open item for a person to resolve.
 */
export async function reconcileStatement(rt: FeeRuntime, actor: Actor, input: ReconcileInput) {
  authorize(actor, feePolicy.reconcile, undefined, 'fee.reconcile');
  const { rows, errors } = parseStatement(input.csv);
  if (errors.length) throw new AppError('statement_invalid', { count: errors.length }, errors);
  const date = input.date ?? (rows[0]?.paidAt ? localDate(new Date(rows[0].paidAt)) : undefined);
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new AppError('validation_failed', { summary: '/body/date' }, [
      { path: '/body/date', code: 'date_required', zh: '请给出对账日期', en: 'Give the statement date' },
    ]);
  // The day in China Standard Time, as UTC instants.
  const from = new Date(Date.parse(`${date}T00:00:00.000Z`) - CST_MS).toISOString();
  const to = new Date(Date.parse(`${date}T00:00:00.000Z`) - CST_MS + 86_400_000).toISOString();
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const ids = rows.map((r) => r.transactionId);
    const known = new Map<string, { id: string; amount_fen: number }>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = await uow.db
        .selectFrom('fee_payments')
        .select(['id', 'reference', 'amount_fen'])
        .where('gateway', '=', input.gateway)
        .where('reference', 'in', ids.slice(i, i + 500))
        .execute();
      for (const p of chunk) known.set(p.reference!, p);
    }
    const ofDay = await uow.db
      .selectFrom('fee_payments')
      .select(['id', 'reference', 'amount_fen'])
      .where('gateway', '=', input.gateway)
      .where('paid_at', '>=', from)
      .where('paid_at', '<', to)
      .execute();
    const id = newId(uow.now.getTime());
    const items: {
      kind: string;
      transaction_id: string;
      payment_code: string | null;
      payment_id: string | null;
      statement_fen: number | null;
      ledger_fen: number | null;
    }[] = [];
    let matched = 0;
    for (const r of rows) {
      const p = known.get(r.transactionId);
      if (!p)
        items.push({
          kind: 'missing',
          transaction_id: r.transactionId,
          payment_code: r.paymentCode,
          payment_id: null,
          statement_fen: r.amountFen,
          ledger_fen: null,
        });
      else if (p.amount_fen !== r.amountFen)
        items.push({
          kind: 'different',
          transaction_id: r.transactionId,
          payment_code: r.paymentCode,
          payment_id: p.id,
          statement_fen: r.amountFen,
          ledger_fen: p.amount_fen,
        });
      else matched++;
    }
    const listed = new Set(ids);
    for (const p of ofDay)
      if (!listed.has(p.reference!))
        items.push({
          kind: 'extra',
          transaction_id: p.reference!,
          payment_code: null,
          payment_id: p.id,
          statement_fen: null,
          ledger_fen: p.amount_fen,
        });
    await uow.db
      .insertInto('fee_reconciliations')
      .values({
        id,
        gateway: input.gateway,
        statement_date: date,
        imported_at: uow.nowIso,
        imported_by: actor.id,
        statement_sha256: sha256(input.csv),
        rows: rows.length,
        matched,
        open_items: items.length,
        version: 1,
      })
      .execute();
    for (let i = 0; i < items.length; i += 500) {
      await uow.db
        .insertInto('fee_reconciliation_items')
        .values(
          items.slice(i, i + 500).map((it) => ({
            ...it,
            id: newId(uow.now.getTime()),
            reconciliation_id: id,
            status: 'open',
            resolution: null,
            resolved_by: null,
            resolved_at: null,
          })),
        )
        .execute();
    }
    await uow.audit({
      action: 'reconciliation.imported',
      entityType: 'reconciliation',
      entityId: id,
      data: { gateway: input.gateway, date, rows: rows.length, matched, open: items.length },
    });
    return id;
  });
}
