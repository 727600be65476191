import path from 'node:path';
import type { AppContext } from '../../server/context.js';
import { FileSystemStorage, type BlobStorage } from '../documents/storage.js';
import type { CaseDeps } from './case-deps.js';
import { CaseDocumentIssuer } from './issue-document.js';
import { CaseTracker } from './track-case.js';
import { deemAcceptOverdue } from './deem-accept.js';
import { feesModule } from '../fees/fees-module.js';
import { CommitGroup, commitGroupOf } from '../../db/commit-group.js';

export interface CaseModule {
  deps: CaseDeps;
  storage: BlobStorage;
  tracker: CaseTracker;
  issuer: CaseDocumentIssuer;
}

const modules = new WeakMap<AppContext, CaseModule>();

/**
 * The case module's wiring for one application context: blob storage under DATA_DIR, the document
 * issuer, the tracker, and deemed acceptance after every supervision pass.
 */
export function caseModule(ctx: AppContext): CaseModule {
  let m = modules.get(ctx);
  if (m) return m;
  const storage = new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs'));
  const issuer = new CaseDocumentIssuer(storage, ctx.config.publicBaseUrl);
  const deps: CaseDeps = { db: ctx.db, dialect: ctx.database.dialect, clock: ctx.clock, calendars: ctx.calendars, documents: issuer, fees: feesModule(ctx).caseFees,
    // PostgreSQL: submissions share transactions; a submission computes all it writes inside its
    // unit, so it may run twice, and a batch goes without savepoints unless one of them fails.
    intake: commitGroupOf(ctx.db) ?? new CommitGroup(ctx.db, { name: 'intake', optimistic: true }) };
  m = { deps, storage, tracker: new CaseTracker(ctx.db, ctx.clock), issuer };
  ctx.supervision.afterPass.push(() => deemAcceptOverdue(deps));
  modules.set(ctx, m);
  return m;
}
