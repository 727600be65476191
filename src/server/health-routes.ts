import type { FastifyPluginAsync } from 'fastify';
import { ping } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { AppError } from './errors.js';
import type { AppContext } from './context.js';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    // Liveness: fails only when nothing but a new process can recover (a database file opened
    // read-only that can be written again), so that a process manager restarts this one.
    app.get('/healthz', { schema: { hide: true } }, async () => {
      if (ctx.database.needsRestart())
        throw new AppError('not_ready', {
          reason: 'the database file can be written again, but this process opened it read-only: restart it',
        });
      return { status: 'ok' };
    });
    app.get('/readyz', { schema: { hide: true } }, async () => {
      try {
        await ping(ctx.db);
      } catch (e) {
        throw new AppError('not_ready', { reason: `database unreachable: ${(e as Error).message}` });
      }
      // Reads may work while writes cannot (a read-only file or server, a full disk): then this
      // instance is out of rotation until they can again.
      const problem = await ctx.database.writeProblem();
      if (problem) throw new AppError('not_ready', { reason: problem.reason }, [], { retryAfter: 30 });
      const pending = await pendingMigrations(ctx.db);
      if (pending.length)
        throw new AppError('not_ready', { reason: `pending migrations: ${pending.join(', ')}` });
      return { status: 'ready', database: ctx.database.dialect };
    });
  };
