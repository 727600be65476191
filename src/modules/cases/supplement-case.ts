import type { Actor } from '../../shared/actor.js';
import { startClock } from '../clock/start-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase } from './act-on-case.js';
import { attachMaterials, type MaterialGiven } from './attach-materials.js';
import { ACCEPTANCE_DAYS } from './submit-case.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import { fulfilSupplementNotices } from './repository-supplements.js';

/**
 * The applicant supplies what the notice asked for. The case is received again: acceptance now
 * dates from this arrival, and a fresh five-working-day Art. 32 clock starts.
 */
export async function supplementCase(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  materials: MaterialGiven[],
) {
  return actOnCase(deps, actor, caseId, 'supplement', version, async ({ uow, cal, c }) => {
    const stillMissing = await attachMaterials(uow, actor, c.id, materials, ['requested', 'missing']);
    await fulfilSupplementNotices(uow.db, c.id, uow.nowIso);
    const clock = await startClock(uow, cal, {
      subjectType: 'acceptance',
      subjectId: c.id,
      label: `${L.acceptanceAfterSupplement}${c.title}（${c.receipt_no}）`,
      departmentId: c.lead_department_id,
      limitDays: ACCEPTANCE_DAYS,
      basis: '《中华人民共和国行政许可法》第三十二条',
    });
    return {
      state: 'received',
      changes: { received_at: uow.nowIso, acceptance_clock_id: clock.id },
      event: { supplied: materials.map((m) => m.name), stillMissing },
      result: { stillMissing },
    };
  });
}
