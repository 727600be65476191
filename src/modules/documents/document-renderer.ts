import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { systemActor } from '../../shared/actor.js';
import { fromJson } from '../../shared/json.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { localDate } from '../clock/local-time.js';
import { raiseSignals } from '../supervision/signals.js';
import type { DocumentInput } from './document-types.js';
import type { RenderPool, RenderedPdf } from './render-pool.js';
import { documentKey, type BlobStorage } from './storage.js';
import {
  claimRenders,
  documentState,
  findDocument,
  markFailed,
  markRendered,
  type DocumentRow,
} from './repository.js';

/** How long the issuing instance keeps its fresh job to itself (another takes it over after that). */
export const RENDER_LEASE_MS = 30_000;
/** Attempts before a document is marked failed and supervisors are told; it is retried hourly after. */
export const RENDER_ATTEMPTS = 5;
const backoffMs = (attempts: number) =>
  attempts >= RENDER_ATTEMPTS ? 3_600_000 : 2_000 * 4 ** (attempts - 1);

export type AfterRendered = (uow: UnitOfWork, doc: DocumentRow, cal: WorkingCalendar) => Promise<void>;

/**
 * Renders issued documents after their commit: the unit that issues a document queues its job and,
 * once committed, hands it here (render); the pool's threads make the PDF, which is stored by its
 * SHA-256 before the document is marked ready in an audited unit of its own. Jobs this instance did
 * not take at their commit (another process issued them, this one restarted, a retry is due) are
 * claimed by the pass (drain), every interval once started, on PostgreSQL FOR UPDATE SKIP LOCKED.
 */
export class DocumentRenderer {
  /** Run in the unit that marks a document ready (the cases module refreshes the case's tracking). */
  readonly afterRendered: AfterRendered[] = [];
  private readonly inHand = new Map<string, Promise<void>>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private timer: NodeJS.Timeout | undefined;
  private passing: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly clock: Clock,
    private readonly calendars: CalendarStore,
    private readonly storage: BlobStorage,
    private readonly pool: RenderPool,
    private log?: FastifyBaseLogger,
  ) {}

  setLogger(log: FastifyBaseLogger): void {
    this.log = log;
  }

  /** Documents this instance is rendering now. */
  get rendering(): number {
    return this.inHand.size;
  }

  /** Renders a document whose job is committed (called after the issuing unit's commit). */
  render(id: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    let running = this.inHand.get(id);
    if (!running) {
      running = this.renderOne(id)
        .catch((err: unknown) => this.log?.error({ err, documentId: id }, 'document render failed'))
        .finally(() => {
          this.inHand.delete(id);
          this.wake(id);
        });
      this.inHand.set(id, running);
    }
    return running;
  }

  private async renderOne(id: string): Promise<void> {
    const db = this.database.db;
    const doc = await findDocument(db, id);
    if (!doc || doc.state === 'ready') return;
    const input = fromJson<DocumentInput>(doc.content, {} as DocumentInput);
    let pdf: RenderedPdf | undefined;
    try {
      pdf = await this.pool.render(input);
      if (doc.content_sha256 && pdf.contentSha256 !== doc.content_sha256)
        throw new Error(
          `rendered content ${pdf.contentSha256} is not the content issued (${doc.content_sha256})`,
        );
      const key = documentKey(Number(localDate(new Date(doc.issued_at)).slice(0, 4)), pdf.sha256);
      await this.storage.put(key, pdf.pdf);
      const cal = this.afterRendered.length ? await this.calendars.get() : undefined;
      await audited(db, this.clock, systemActor('system:documents'), async (uow) => {
        const changed = await markRendered(uow.db, id, {
          sha256: pdf!.sha256,
          storageKey: key,
          attempts: doc.attempts + 1,
          nowIso: uow.nowIso,
        });
        if (!changed) uow.unchanged(undefined);
        await uow.audit({
          action: 'document.rendered',
          entityType: 'document',
          entityId: id,
          data: {
            number: doc.number,
            sha256: pdf!.sha256,
            contentSha256: doc.content_sha256,
            attempts: doc.attempts + 1,
          },
        });
        for (const hook of this.afterRendered) await hook(uow, doc, cal!);
      });
    } catch (e) {
      // (if even this cannot be written, the job keeps its lease and is claimed again after it)
      await this.failed(doc, e);
    }
  }

  private async failed(doc: DocumentRow, e: unknown): Promise<void> {
    const attempts = doc.attempts + 1;
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    const failed = attempts >= RENDER_ATTEMPTS;
    await audited(this.database.db, this.clock, systemActor('system:documents'), async (uow) => {
      await markFailed(uow.db, doc.id, {
        attempts,
        error,
        failed,
        nextAt: new Date(uow.now.getTime() + backoffMs(attempts)).toISOString(),
      });
      if (failed)
        await raiseSignals(
          uow.db,
          [
            {
              kind: 'document_render_failed',
              subjectType: doc.case_id ? 'case' : 'document',
              subjectId: doc.case_id ?? doc.id,
              departmentId: null,
              data: { documentId: doc.id, number: doc.number, kind: doc.kind, error },
              dedupeKey: `document_render_failed:${doc.id}`,
            },
          ],
          uow.nowIso,
        );
      await uow.audit({
        action: 'document.render_failed',
        entityType: 'document',
        entityId: doc.id,
        data: { number: doc.number, attempts, error, failed },
      });
    });
  }

  /**
   * Claims the jobs that are due (all of them with `all`: an SQLite file's only renderer starting)
   * and renders them; returns how many it claimed. Concurrent callers share the same pass.
   */
  drain(opts: { all?: boolean } = {}): Promise<number> {
    this.passing ??= this.pass(opts.all ?? false).finally(() => {
      this.passing = undefined;
    });
    return this.passing;
  }

  private async pass(all: boolean): Promise<number> {
    let claimed = 0;
    const batch = this.pool.size * 4;
    for (;;) {
      const now = this.clock.now();
      const ids = await audited(
        this.database.db,
        this.clock,
        systemActor('system:documents'),
        async (uow) => {
          const ids = await claimRenders(uow.db, this.database.dialect, {
            nowIso: uow.nowIso,
            leaseUntil: new Date(now.getTime() + RENDER_LEASE_MS).toISOString(),
            limit: batch,
            all,
          });
          if (ids.length === 0) uow.unchanged(ids);
          await uow.audit({
            action: 'document.renders_claimed',
            entityType: 'document',
            entityId: 'batch',
            data: { documents: ids },
          });
          return ids;
        },
      );
      claimed += ids.length;
      await Promise.all(ids.map((id) => this.render(id)));
      if (ids.length < batch || this.stopped) return claimed;
    }
  }

  /**
   * Resolves once the document is ready or failed, or after `ms`: woken by this instance's render,
   * and every 100 ms it looks at the row (another instance may render it).
   */
  async waitFor(id: string, ms: number): Promise<void> {
    const deadline = performance.now() + ms; // a bound in real time, whatever the clock says
    for (;;) {
      const row = await documentState(this.database.db, id);
      if (!row || row.state !== 'preparing') return;
      const left = deadline - performance.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => {
        const set = this.waiters.get(id) ?? new Set();
        this.waiters.set(id, set);
        const done = () => {
          clearTimeout(timer);
          set.delete(done);
          if (set.size === 0) this.waiters.delete(id);
          resolve();
        };
        const timer = setTimeout(done, Math.min(100, left));
        set.add(done);
      });
    }
  }

  private wake(id: string): void {
    for (const done of [...(this.waiters.get(id) ?? [])]) done();
  }

  /** Resumes what is queued (every job on an SQLite file), then claims what is due every interval. */
  start(intervalMs: number): void {
    this.stopped = false;
    let first = this.database.dialect === 'sqlite';
    const loop = async () => {
      try {
        const n = await this.drain({ all: first });
        if (n > 0) this.log?.info({ documents: n }, 'documents rendered from the queue');
        first = false;
      } catch (err) {
        this.log?.error({ err }, 'document render pass failed');
      }
      if (this.stopped) return;
      this.timer = setTimeout(loop, intervalMs);
      this.timer.unref();
    };
    void loop();
  }

  /** Stops claiming and lets the renders in hand finish (their jobs stay queued if they cannot). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.passing?.catch(() => undefined);
    await Promise.all([...this.inHand.values()]);
  }
}
