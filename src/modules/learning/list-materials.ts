import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { materialView } from './material-views.js';
import { learningPolicy } from './policy.js';
import { findMaterial, findVersion, listMaterialRows, questionCounts, versionsOf } from './repository.js';

/** The library, by volume, with the reader's own record on each. */
export async function listMaterials(deps: ConductDeps, actor: Actor, volume?: string) {
  authorize(actor, learningPolicy.study, undefined, 'learning.read');
  const rows = await listMaterialRows(deps.db, volume);
  const ids = rows.map((r) => r.id);
  const [versions, counts] = await Promise.all([versionsOf(deps.db, ids), questionCounts(deps.db, ids)]);
  const items = await Promise.all(
    rows.map((m) => materialView(deps.db, actor.id, m, versions, counts.get(m.id) ?? 0)),
  );
  return { items: items.map(({ sections: _s, versions: _v, ...rest }) => rest) };
}

export async function getMaterial(deps: ConductDeps, actor: Actor, id: string) {
  authorize(actor, learningPolicy.study, undefined, 'learning.read');
  const m = await findMaterial(deps.db, id);
  if (!m) throw notFound('study material', id);
  const [versions, counts] = await Promise.all([versionsOf(deps.db, [id]), questionCounts(deps.db, [id])]);
  return materialView(deps.db, actor.id, m, versions, counts.get(id) ?? 0);
}

/** The PDF of a material's version (its current one by default). */
export async function getMaterialPdf(deps: ConductDeps, actor: Actor, id: string, versionNo?: number) {
  authorize(actor, learningPolicy.study, undefined, 'learning.read');
  const m = await findMaterial(deps.db, id);
  if (!m) throw notFound('study material', id);
  const v = await findVersion(deps.db, id, versionNo ?? m.current_version_no);
  if (!v?.pdf_key) throw notFound('PDF', `${id}#${versionNo ?? m.current_version_no}`);
  return { name: v.pdf_name ?? 'material.pdf', data: await deps.storage.get(v.pdf_key) };
}
