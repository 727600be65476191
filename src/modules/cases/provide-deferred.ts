import type { Actor } from '../../shared/actor.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase } from './act-on-case.js';
import { attachMaterials, type MaterialGiven } from './attach-materials.js';

/** The applicant keeps a 容缺 promise: deferred materials arrive during review. */
export async function provideDeferred(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  materials: MaterialGiven[],
) {
  return actOnCase(deps, actor, caseId, 'provide_deferred', version, async ({ uow, c }) => {
    const stillDeferred = await attachMaterials(uow, actor, c.id, materials, ['deferred']);
    return {
      event: { supplied: materials.map((m) => m.name), stillDeferred },
      changes: stillDeferred.length ? {} : { shortfall: 0 },
      result: { stillDeferred },
    };
  });
}
