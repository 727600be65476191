import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { notFound } from '../../../server/errors.js';
import type { Db } from '../../../db/database.js';
import { feePolicy } from '../policy.js';

/** A reconciliation with its open and resolved items, the open first. */
export async function getReconciliation(db: Db, actor: Actor, id: string) {
  authorize(actor, feePolicy.reconcile, undefined, 'fee.reconcile');
  const r = await db.selectFrom('fee_reconciliations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('reconciliation', id);
  const items = await db
    .selectFrom('fee_reconciliation_items')
    .selectAll()
    .where('reconciliation_id', '=', id)
    .orderBy('status', 'desc')
    .orderBy('kind')
    .orderBy('transaction_id')
    .execute();
  return {
    id: r.id,
    gateway: r.gateway,
    date: r.statement_date,
    importedAt: r.imported_at,
    statementSha256: r.statement_sha256,
    rows: r.rows,
    matched: r.matched,
    openItems: items.filter((i) => i.status === 'open').length,
    version: r.version,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      transactionId: i.transaction_id,
      paymentCode: i.payment_code,
      paymentId: i.payment_id,
      statementFen: i.statement_fen,
      ledgerFen: i.ledger_fen,
      status: i.status,
      resolution: i.resolution,
      resolvedAt: i.resolved_at,
    })),
  };
}

export async function listReconciliations(db: Db, actor: Actor) {
  authorize(actor, feePolicy.reconcile, undefined, 'fee.reconcile');
  const rows = await db
    .selectFrom('fee_reconciliations')
    .selectAll()
    .orderBy('statement_date', 'desc')
    .orderBy('imported_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    gateway: r.gateway,
    date: r.statement_date,
    importedAt: r.imported_at,
    rows: r.rows,
    matched: r.matched,
    openItems: r.open_items,
  }));
}
