import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { supervisionPolicy } from './policy.js';
import { saveThreshold } from './repository.js';

/** Sets the yellow threshold (percent of committed time) for a department or an item. New clocks use it. */
export async function setThreshold(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { scope: 'department' | 'item'; scopeId: string; yellowPct: number },
) {
  authorize(actor, supervisionPolicy.setThreshold, undefined, 'supervision.threshold');
  await audited(db, clock, actor, async (uow) => {
    await saveThreshold(uow.db, input, uow.nowIso);
    await uow.audit({
      action: 'supervision.threshold_set',
      entityType: input.scope,
      entityId: input.scopeId,
      data: { yellowPct: input.yellowPct },
    });
  });
}
