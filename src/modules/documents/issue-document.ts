import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import { composeDocument } from './compose-document.js';
import { contentDigest } from './content-digest.js';
import { RENDER_LEASE_MS, type DocumentRenderer } from './document-renderer.js';
import type { DocumentInput } from './document-types.js';
import { insertIssued } from './repository.js';

export interface IssuedDocument {
  id: string;
  number: string;
  /** SHA-256 of the composed content (the PDF's own comes with its render). */
  contentSha256: string;
}

/**
 * The one way a document is issued, inside the unit of work of the act it records: its content is
 * composed (a missing field fails the act, naming it) and fixed — number, date, the input, and the
 * content's SHA-256 — and its render job queued, in the same transaction. The PDF is made after the
 * commit, on the render threads; until then the document is `preparing`.
 */
export async function issueDocument(
  uow: UnitOfWork,
  renderer: DocumentRenderer,
  doc: { caseId: string | null; input: DocumentInput },
): Promise<IssuedDocument> {
  const contentSha256 = contentDigest(composeDocument(doc.input));
  const id = newId(uow.now.getTime());
  await insertIssued(
    uow.db,
    {
      id,
      case_id: doc.caseId,
      kind: doc.input.kind,
      number: doc.input.number,
      issued_at: uow.nowIso,
      sha256: null,
      storage_key: null,
      content: toJson(doc.input),
      state: 'preparing',
      content_sha256: contentSha256,
      attempts: 0,
    },
    // The job is this instance's for a while: it renders it as soon as the unit commits.
    new Date(uow.now.getTime() + RENDER_LEASE_MS).toISOString(),
    uow.nowIso,
  );
  uow.afterCommit(() => void renderer.render(id));
  return { id, number: doc.input.number, contentSha256 };
}
