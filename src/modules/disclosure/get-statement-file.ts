import { notFound } from '../../server/errors.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { findFile } from './repository-villages.js';

/** An attachment of a published statement: public, as the statement is. */
export async function getStatementFile(deps: DisclosureDeps, id: string, fileId: string) {
  const f = await findFile(deps.db, id, fileId);
  if (!f) throw notFound('disclosure_file', fileId);
  return { name: f.name, mime: f.mime, data: await deps.storage.get(f.storage_key) };
}
