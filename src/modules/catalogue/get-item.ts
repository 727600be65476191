import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findItem, findVersion, findVersionById } from './repository.js';
import { departmentsById, feesByCode } from './catalogue-reads.js';
import { presentItemVersion } from './presenter.js';
import { materialFileIds } from './material-files.js';
import { catalogueFiles } from './repository-material-files.js';

/** The published guide of an item: its current version, or a named one (cases cite old versions). */
export async function getItem(db: Db, actor: Actor, key: string, versionNo?: number) {
  const item = await findItem(db, key);
  if (!item) throw notFound('item', key);
  let version;
  if (versionNo === undefined) {
    if (item.status !== 'published' || !item.current_version_id) throw notFound('item', key);
    version = await findVersionById(db, item.current_version_id);
  } else {
    version = await findVersion(db, item.id, versionNo);
    if (!version) throw notFound('item_version', `${key} v${versionNo}`);
    // Drafts are internal; every version that was ever published stays public.
    if (version.status === 'draft')
      authorize(actor, cataloguePolicy.readDrafts, item.department_id, 'item.read_draft');
  }
  if (!version) throw notFound('item', key);
  const [depts, fees] = await Promise.all([departmentsById(db), feesByCode(db)]);
  const presented = presentItemVersion(item.id, item.status, version, depts, fees);
  const files = await catalogueFiles(db, materialFileIds(presented));
  return {
    ...presented,
    materialFiles: files.map((f) => ({
      id: f.id,
      name: f.original_name,
      mime: f.mime,
      size: f.size,
      sha256: f.sha256,
    })),
  };
}
