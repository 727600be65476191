import type { Actor } from '../../shared/actor.js';
import { raiseSignals } from '../supervision/signals.js';
import { actOnInspection, inspectionStep } from './act-on-inspection.js';
import type { InspectionDeps } from './inspection-deps.js';
import { minutesBetween } from './rules.js';

/** The inspectors leave: the visit ends, and one longer than its registered maximum is signalled. */
export async function endInspection(deps: InspectionDeps, actor: Actor, id: string, version: number) {
  return actOnInspection(deps, actor, id, 'end', version, async ({ uow, i }) => {
    const minutes = minutesBetween(i.started_at!, uow.nowIso);
    const overran = minutes > i.max_minutes;
    if (overran)
      await raiseSignals(
        uow.db,
        [
          {
            kind: 'inspection_length_exceeded',
            subjectType: 'inspection',
            subjectId: i.id,
            departmentId: i.department_id,
            data: { number: i.number, minutes, maxMinutes: i.max_minutes },
            dedupeKey: `inspection-length:${i.id}`,
          },
        ],
        uow.nowIso,
      );
    await uow.audit({
      action: 'inspection.ended',
      entityType: 'inspection',
      entityId: i.id,
      data: { ...inspectionStep(i, 'ended'), minutes, overran },
    });
    return {
      changes: { state: 'ended', ended_at: uow.nowIso, overran: overran ? 1 : 0 },
      result: { minutes, overran },
    };
  });
}
