import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import type { DocumentRenderer } from './document-renderer.js';
import { findDocument, type DocumentRow } from './repository.js';

/** How long a download waits for a document still being rendered before it answers 503. */
export const DOCUMENT_WAIT_MS = 10_000;
/** What the 503 tells the client to wait before asking again (Retry-After, seconds). */
const RETRY_AFTER_S = 5;

/**
 * The document with its PDF stored: one being prepared is waited for (up to DOCUMENT_WAIT_MS), then
 * it is a 503 `document_preparing` with Retry-After, never an error for a document that exists.
 */
export async function readyDocument(
  db: Db,
  renderer: DocumentRenderer,
  doc: DocumentRow,
  waitMs = DOCUMENT_WAIT_MS,
): Promise<DocumentRow & { sha256: string; storage_key: string }> {
  let d: DocumentRow | undefined = doc;
  if (d.state !== 'ready') {
    await renderer.waitFor(d.id, waitMs);
    d = await findDocument(db, doc.id);
  }
  if (!d || d.state !== 'ready' || !d.storage_key || !d.sha256)
    throw new AppError('document_preparing', { number: doc.number, retryAfter: RETRY_AFTER_S }, [], {
      retryAfter: RETRY_AFTER_S,
    });
  return { ...d, sha256: d.sha256, storage_key: d.storage_key };
}
