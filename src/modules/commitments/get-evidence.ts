import { notFound } from '../../server/errors.js';
import type { ConductDeps } from './commitment-deps.js';
import { findEvidence } from './repository.js';

/** Published evidence of a commitment: public, as the commitment is. */
export async function getEvidence(deps: ConductDeps, id: string, evidenceId: string) {
  const e = await findEvidence(deps.db, id, evidenceId);
  if (!e) throw notFound('evidence', evidenceId);
  return { name: e.name, mime: e.mime, data: await deps.storage.get(e.storage_key) };
}
