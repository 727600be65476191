import type { Actor } from '../../shared/actor.js';
import { actOnInspection } from './act-on-inspection.js';
import type { InspectionDeps } from './inspection-deps.js';
import { joinVisit } from './registration-followups.js';
import { findSettings } from './repository-published.js';

/** Joins another department's visit after registering (综合查一次): one group, the other's day. */
export async function joinInspection(
  deps: InspectionDeps,
  actor: Actor,
  id: string,
  input: { version: number; withId: string },
) {
  return actOnInspection(deps, actor, id, 'join', input.version, async ({ uow, i }) => {
    const group = await joinVisit(uow, await findSettings(uow.db), i, input.withId);
    return { changes: {}, result: group };
  });
}
