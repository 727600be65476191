import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { BlobNotFoundError, type BlobStorage } from '../documents/storage.js';
import { getItem } from './get-item.js';
import { materialFileIds } from './material-files.js';
import { catalogueFiles } from './repository-material-files.js';

/**
 * A blank form or sample of an item's material: public for every version that was published (as the
 * guide is), a draft's only for those who may read drafts. Served only if the version names it.
 */
export async function getMaterialFile(
  db: Db,
  storage: BlobStorage,
  actor: Actor,
  key: string,
  fileId: string,
  versionNo?: number,
) {
  const item = await getItem(db, actor, key, versionNo);
  if (!materialFileIds(item).includes(fileId)) throw notFound('file', fileId);
  const [f] = await catalogueFiles(db, [fileId]);
  if (!f) throw notFound('file', fileId);
  try {
    return { mime: f.mime, name: f.original_name, sha256: f.sha256, data: await storage.get(f.storage_key) };
  } catch (e) {
    if (e instanceof BlobNotFoundError) throw new AppError('blob_missing', { resource: 'file', id: fileId });
    throw e;
  }
}
