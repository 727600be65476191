import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase } from './act-on-case.js';
import { beginReview } from './begin-review.js';
import { awaitedRequiredMaterials } from './repository-materials.js';

/** A clerk accepts a complete application (Art. 32 (5)): every required material is in. */
export async function acceptCase(deps: CaseDeps, actor: Actor, caseId: string, version: number) {
  return actOnCase(deps, actor, caseId, 'accept', version, async ({ uow, cal, c }) => {
    const missing = await awaitedRequiredMaterials(uow.db, c.id);
    if (missing.length) {
      throw new AppError(
        'validation_failed',
        { summary: 'materials' },
        missing.map((m) => ({
          path: '/materials',
          code: 'material_missing',
          zh: `缺少必需材料：${m.name}（请一次性告知补正，或在可容缺时容缺受理）`,
          en: `Required material missing: ${m.name} (send a one-time supplement notice, or accept with shortfall where allowed)`,
        })),
      );
    }
    const r = await beginReview(uow, deps, cal, c, { document: 'acceptance_notice' });
    return {
      state: 'under_review',
      changes: r.changes,
      event: { dueDate: r.dueDate, document: r.document.number },
      notify: r.notify,
      result: { dueDate: r.dueDate, document: r.document },
    };
  });
}
