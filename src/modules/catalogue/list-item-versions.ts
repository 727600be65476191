import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findItem, listVersions } from './repository.js';

export async function listItemVersions(db: Db, actor: Actor, key: string) {
  const item = await findItem(db, key);
  if (!item) throw notFound('item', key);
  authorize(actor, cataloguePolicy.readDrafts, item.department_id, 'item.read_versions');
  const versions = await listVersions(db, item.id);
  return {
    item: {
      id: item.id,
      code: item.code,
      status: item.status,
      version: item.version,
      currentVersionId: item.current_version_id,
      latestVersionNo: item.latest_version_no,
    },
    versions: versions.map((v) => ({
      id: v.id,
      no: v.version_no,
      status: v.status,
      name: v.name,
      createdAt: v.created_at,
      createdBy: v.created_by,
      publishedAt: v.published_at,
      publishedBy: v.published_by,
    })),
  };
}
