import type { UnitOfWork } from '../audit/audited-transaction.js';
import { raiseSignals } from '../supervision/signals.js';
import type { CommitmentRow } from './repository.js';

/** A commitment not kept raises a supervision signal (once, whoever marks it). */
export async function signalNotKept(uow: UnitOfWork, c: CommitmentRow, value: number | null) {
  await raiseSignals(
    uow.db,
    [
      {
        kind: 'commitment_not_kept',
        subjectType: 'commitment',
        subjectId: c.id,
        departmentId: c.department_id,
        data: { title: c.title, period: c.period, target: c.target, value },
        dedupeKey: `commitment_not_kept:${c.id}`,
      },
    ],
    uow.nowIso,
  );
}
