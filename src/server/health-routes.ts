import type { FastifyPluginAsync } from 'fastify';
import { ping } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { AppError } from './errors.js';
import type { AppContext } from './context.js';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { hide: true } }, async () => {
      try {
        await ping(ctx.db);
      } catch (e) {
        throw new AppError('not_ready', { reason: `database unreachable: ${(e as Error).message}` });
      }
      const pending = await pendingMigrations(ctx.db);
      if (pending.length)
        throw new AppError('not_ready', { reason: `pending migrations: ${pending.join(', ')}` });
      return { status: 'ready', database: ctx.database.dialect };
    });
  };
