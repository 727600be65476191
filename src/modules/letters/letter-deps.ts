import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { AppContext } from '../../server/context.js';
import type { LettersConfig } from '../../config/letters-config.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import type { BlobStorage } from '../documents/storage.js';
import type { DocumentRenderer } from '../documents/document-renderer.js';
import { documentsModule } from '../documents/documents-module.js';

/** What a letter use case needs; built once per application context. */
export interface LetterDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  /** Scanned originals and reply letters, by SHA-256, beside the case files under DATA_DIR/blobs. */
  storage: BlobStorage;
  /** Renders the reply letters after their commit; a download waits on it. */
  renderer: DocumentRenderer;
  config: LettersConfig;
  /** Where the QR code on a reply letter leads: the letter's record. */
  publicBaseUrl: string;
}

const wired = new WeakMap<AppContext, LetterDeps>();

export function letterDeps(ctx: AppContext): LetterDeps {
  let d = wired.get(ctx);
  if (!d) {
    d = {
      db: ctx.db,
      clock: ctx.clock,
      calendars: ctx.calendars,
      storage: documentsModule(ctx).storage,
      renderer: documentsModule(ctx).renderer,
      config: ctx.config.letters,
      publicBaseUrl: ctx.config.publicBaseUrl,
    };
    wired.set(ctx, d);
  }
  return d;
}
