import { canonicalJson } from '../../shared/json.js';
import { AppError } from '../../server/errors.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import { changesInForce } from '../fee-review/fee-review-reads.js';
import type { PlannedLine } from './fee-lines.js';

/**
 * From the day an approved abolition or reduction takes effect (清理收费), no payment form may charge
 * the fee at the old standard: an abolished fee not at all, a reduced one only at its new rule. The
 * rule is checked on the one path every form is issued by, before anything is written, so it holds
 * even before the catalogue itself is updated. Forms issued earlier keep the standard they carry.
 */
async function supersededLines(uow: UnitOfWork, lines: readonly PlannedLine[]) {
  const day = localDate(uow.now);
  const changes = await changesInForce(
    uow.db,
    lines.map((l) => l.fee.code),
    day,
  );
  const refused = lines.flatMap((l) => {
    const c = changes.get(l.fee.code);
    if (!c) return [];
    if (c.proposal === 'reduce' && canonicalJson(l.rule) === canonicalJson(c.newRule)) return [];
    return [{ code: l.fee.code, change: c }];
  });
  return refused;
}

/** Whether any line would be refused today (the automatic issue at a case's stage then waits). */
export const supersededToday = async (uow: UnitOfWork, lines: readonly PlannedLine[]) =>
  (await supersededLines(uow, lines)).length > 0;

export async function refuseSupersededLines(uow: UnitOfWork, lines: readonly PlannedLine[]): Promise<void> {
  const refused = await supersededLines(uow, lines);
  if (!refused.length) return;
  throw new AppError(
    'fee_superseded',
    { feeCode: refused.map((r) => r.code).join('、'), date: refused[0]!.change.effectiveDate },
    refused.map((r, i) => ({
      path: `/lines/${i}/feeCode`,
      code: r.change.proposal === 'abolish' ? 'fee_abolished' : 'fee_reduced',
      zh:
        r.change.proposal === 'abolish'
          ? `${r.code} 自 ${r.change.effectiveDate} 起已取消`
          : `${r.code} 自 ${r.change.effectiveDate} 起降低标准，须按新标准收取`,
      en:
        r.change.proposal === 'abolish'
          ? `${r.code} is abolished from ${r.change.effectiveDate}`
          : `${r.code} is reduced from ${r.change.effectiveDate}: charge the new standard`,
    })),
  );
}
