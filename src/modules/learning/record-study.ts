import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { getMaterial } from './list-materials.js';
import { learningPolicy } from './policy.js';
import { addToStudy, findMaterial, findStudy, findVersion, insertStudy } from './repository.js';
import type { Section } from './volumes.js';

/**
 * A study session: time spent and sections completed, added to the reader's record. Sections count
 * against the current version; a new version starts the sections afresh (the time stays).
 */
export async function recordStudy(
  deps: ConductDeps,
  actor: Actor,
  materialId: string,
  input: { seconds: number; sections: number[] },
) {
  authorize(actor, learningPolicy.study, undefined, 'learning.study');
  const m = await findMaterial(deps.db, materialId);
  if (!m) throw notFound('study material', materialId);
  const total = fromJson<Section[]>(
    (await findVersion(deps.db, materialId, m.current_version_no))?.sections,
    [],
  ).length;
  const beyond = input.sections.filter((s) => s > total);
  if (beyond.length)
    throw new AppError('validation_failed', { summary: '/body/sections' }, [
      {
        path: '/body/sections',
        code: 'no_such_section',
        zh: `本资料共 ${total} 节`,
        en: `The material has ${total} sections`,
      },
    ]);
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const cur = await findStudy(uow.db, actor.id!, materialId);
    const before =
      cur && cur.version_no === m.current_version_no ? fromJson<number[]>(cur.sections_done, []) : [];
    const done = [...new Set([...before, ...input.sections])].sort((a, b) => a - b);
    if (cur)
      await addToStudy(uow.db, cur.id, {
        seconds: cur.seconds + input.seconds,
        sections_done: toJson(done),
        version_no: m.current_version_no,
        studied_at: uow.nowIso,
      });
    else
      await insertStudy(uow.db, {
        id: newId(uow.now.getTime()),
        user_id: actor.id!,
        material_id: materialId,
        seconds: input.seconds,
        sections_done: toJson(done),
        version_no: m.current_version_no,
        studied_at: uow.nowIso,
        passed_at: null,
      });
    await uow.audit({
      action: 'learning.studied',
      entityType: 'learning_material',
      entityId: materialId,
      data: { materialId, seconds: input.seconds, sections: input.sections.length },
    });
  });
  return getMaterial(deps, actor, materialId);
}
