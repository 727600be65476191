import path from 'node:path';
import type { AppContext } from '../../server/context.js';
import { DocumentRenderer } from './document-renderer.js';
import { renderPool, type RenderPool } from './render-pool.js';
import { FileSystemStorage, type BlobStorage } from './storage.js';

export interface DocumentsModule {
  /** Issued documents (and the other blobs) by SHA-256 under DATA_DIR/blobs. */
  storage: BlobStorage;
  /** The process's render threads (RENDER_THREADS). */
  pool: RenderPool;
  renderer: DocumentRenderer;
}

const modules = new WeakMap<AppContext, DocumentsModule>();

/** The documents' wiring for one application context; the renderer stops before the database closes. */
export function documentsModule(ctx: AppContext): DocumentsModule {
  let m = modules.get(ctx);
  if (m) return m;
  const storage = new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs'));
  const pool = renderPool(ctx.config.renderThreads);
  const renderer = new DocumentRenderer(ctx.database, ctx.clock, ctx.calendars, storage, pool);
  ctx.database.beforeClose.push(() => renderer.stop());
  m = { storage, pool, renderer };
  modules.set(ctx, m);
  return m;
}
