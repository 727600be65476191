import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import { raiseSignals } from '../supervision/signals.js';
import { REFUSAL_TEXT, type Refusal } from './fee-lines.js';

/**
 * An attempt to charge something that is not a published fee line of the item (乱收费) is refused,
 * recorded in the audit trail and raised to electronic supervision, inside the given unit of work.
 */
export async function recordRefusedCharges(
  uow: UnitOfWork,
  c: { id: string; receipt_no: string; lead_department_id: string },
  refused: Refusal[],
  via: string,
): Promise<void> {
  for (const r of refused) {
    await uow.audit({
      action: 'fee.charge_refused',
      entityType: 'case',
      entityId: c.id,
      data: { receiptNo: c.receipt_no, feeCode: r.feeCode, reason: r.reason, via },
    });
  }
  await raiseSignals(
    uow.db as Kysely<Database>,
    refused.map((r) => ({
      kind: 'fee_outside_catalogue' as const,
      subjectType: 'case',
      subjectId: c.id,
      departmentId: c.lead_department_id,
      data: {
        receiptNo: c.receipt_no,
        feeCode: r.feeCode,
        reason: r.reason,
        zh: REFUSAL_TEXT[r.reason].zh,
        via,
        actorId: uow.actor.id,
      },
      dedupeKey: `fee_outside_catalogue:${c.id}:${r.feeCode}:${r.reason}`,
    })),
    uow.nowIso,
  );
}
