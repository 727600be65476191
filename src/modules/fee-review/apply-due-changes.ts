import { systemActor } from '../../shared/actor.js';
import { toJson } from '../../shared/json.js';
import { dialectOf } from '../../db/column-types.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { dropFeeFromItems } from './item-fee-lines.js';
import {
  catalogueSnapshot,
  changeFeeEntry,
  dueChanges,
  feeEntry,
  insertCatalogueVersion,
  markApplied,
  nextCatalogueVersion,
} from './repository.js';

export const FEE_REVIEW = systemActor('fee-review');

/**
 * On its date an approved change reaches the catalogue: a reduced fee gets its new standard, an
 * abolished one is withdrawn and leaves the items that charged it, and the catalogue gets a new
 * version with a snapshot of every fee. Runs after each supervision pass in every instance: the due
 * changes are claimed FOR UPDATE SKIP LOCKED on PostgreSQL (one writer on SQLite), and a change is
 * applied once (applied_at). The refusal of forms at the old standard does not wait for this.
 */
export async function applyDueFeeChanges(deps: ConductDeps, batch = 50): Promise<number> {
  const pg = dialectOf(deps.db) === 'postgres';
  return audited(deps.db, deps.clock, FEE_REVIEW, async (uow) => {
    let q = dueChanges(uow.db, localDate(uow.now), batch);
    if (pg) q = q.forUpdate().skipLocked();
    const lines = await q.execute();
    if (!lines.length) return uow.unchanged(0);
    let itemsUpdated = 0;
    for (const l of lines) {
      const fee = await feeEntry(uow.db, l.fee_code);
      if (fee && l.proposal === 'abolish' && fee.status !== 'withdrawn') {
        await changeFeeEntry(uow.db, fee.id, fee.version, { status: 'withdrawn' }, uow.nowIso);
        await uow.audit({
          action: 'fee.withdrawn',
          entityType: 'fee',
          entityId: fee.id,
          data: { code: fee.code },
        });
      }
      if (fee && l.proposal === 'reduce') {
        await changeFeeEntry(
          uow.db,
          fee.id,
          fee.version,
          { standard: l.new_standard!, rule: l.new_rule! },
          uow.nowIso,
        );
        await uow.audit({
          action: 'fee.updated',
          entityType: 'fee',
          entityId: fee.id,
          data: { code: fee.code, before: JSON.parse(fee.rule), after: JSON.parse(l.new_rule!) },
        });
      }
      if (l.proposal === 'abolish') itemsUpdated += await dropFeeFromItems(uow, l.fee_code);
      await markApplied(uow.db, l.id, uow.nowIso);
    }
    const versionNo = await nextCatalogueVersion(uow.db);
    const snapshot = await catalogueSnapshot(uow.db);
    await insertCatalogueVersion(uow.db, {
      version_no: versionNo,
      effective_date: localDate(uow.now),
      applied_at: uow.nowIso,
      changes: toJson(
        lines.map((l) => ({ feeCode: l.fee_code, change: l.proposal, effectiveDate: l.effective_date })),
      ),
      snapshot: toJson(snapshot.map((f) => ({ ...f, rule: JSON.parse(f.rule) }))),
    });
    await uow.audit({
      action: 'feereview.applied',
      entityType: 'fee_catalogue',
      entityId: String(versionNo),
      data: { catalogueVersion: versionNo, feeCodes: lines.map((l) => l.fee_code), itemsUpdated },
    });
    return lines.length;
  });
}
