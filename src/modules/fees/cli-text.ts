import { yuan } from '../documents/money-text.js';
import type { LedgerReport } from './check-ledger.js';
import type { getReconciliation } from './reconcile/get-reconciliation.js';

/** `onewindow fees check`: one line when all is well, else one line per violation. */
export function ledgerReportText(r: LedgerReport): string {
  const head = `fees check: ${r.ok ? 'OK' : 'FAILED'} — ${r.entries} ledger entries, ${r.cases} cases, ${r.days} days, ${r.forms} forms, ${r.receipts} receipts`;
  return [head, ...r.violations.map((v) => `  ${v.check}: ${v.subject}: ${v.detail}`)].join('\n');
}

/** `onewindow fees reconcile FILE`: the summary, then each item a person has to resolve. */
export function reconciliationText(r: Awaited<ReturnType<typeof getReconciliation>>): string {
  const money = (f: number | null) => (f === null ? '—' : `¥${yuan(f)}`);
  const items = r.items
    .filter((i) => i.status === 'open')
    .map(
      (i) =>
        `  ${i.kind.padEnd(9)} ${i.transactionId}  statement ${money(i.statementFen)}  ledger ${money(i.ledgerFen)}`,
    );
  return [
    `reconciliation ${r.id}: ${r.gateway} ${r.date} — ${r.rows} rows, ${r.matched} matched, ${r.openItems} to resolve`,
    ...items,
  ].join('\n');
}
