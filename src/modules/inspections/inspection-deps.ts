import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { AppContext } from '../../server/context.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import type { BlobStorage } from '../documents/storage.js';
import { AddressGate } from '../identity/address-failures.js';
import { TRACK_POLICY } from '../cases/track-case.js';
import type { DocumentRenderer } from '../documents/document-renderer.js';
import { documentsModule } from '../documents/documents-module.js';
import { findDocumentByNumber, readyDocument } from '../documents/document-reads.js';
import { notFound } from '../../server/errors.js';
import { complaintModule } from '../complaints/complaint-module.js';
import type { ComplaintDeps } from '../complaints/complaint-deps.js';

/** What an inspection use case needs; built once per application context. */
export interface InspectionDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  /** Inspection records (PDF), by SHA-256, beside the other documents under DATA_DIR/blobs. */
  storage: BlobStorage;
  /** Renders the issued records after their commit; a download waits on it. */
  renderer: DocumentRenderer;
  /** Wrong code + check code pairs, counted per address like tracking's. */
  proofGate: AddressGate;
  /** Where an enterprise's code leads: its public verification page. */
  publicBaseUrl: string;
  /** The reporting center, which takes an enterprise's complaint about an inspection. */
  complaints: ComplaintDeps;
}

const wired = new WeakMap<AppContext, InspectionDeps>();

export function inspectionDeps(ctx: AppContext): InspectionDeps {
  let d = wired.get(ctx);
  if (!d) {
    d = {
      db: ctx.db,
      clock: ctx.clock,
      calendars: ctx.calendars,
      storage: documentsModule(ctx).storage,
      renderer: documentsModule(ctx).renderer,
      proofGate: new AddressGate(ctx.db, ctx.database.dialect, 'enterprise-proof', TRACK_POLICY),
      publicBaseUrl: ctx.config.publicBaseUrl,
      complaints: complaintModule(ctx).deps,
    };
    wired.set(ctx, d);
  }
  return d;
}

/** The public page an enterprise's code (QR on its sign) leads to. */
export const verifyUrl = (deps: InspectionDeps, code: string) => `${deps.publicBaseUrl}/inspect/${code}`;

/** An inspection's record (PDF): waited for while it is rendered, like every issued document. */
export async function recordPdf(
  deps: InspectionDeps,
  i: { id: string; record_number: string | null; record_sha256: string | null; record_key: string | null },
) {
  if (!i.record_number) throw notFound('inspection_record', i.id);
  // (records rendered inside their unit of work, before rendering moved after the commit, name their file)
  if (i.record_key)
    return { number: i.record_number, sha256: i.record_sha256!, pdf: await deps.storage.get(i.record_key) };
  const found = await findDocumentByNumber(deps.db, i.record_number);
  if (!found) throw notFound('inspection_record', i.id);
  const d = await readyDocument(deps.db, deps.renderer, found);
  return { number: d.number, sha256: d.sha256, pdf: await deps.storage.get(d.storage_key) };
}
