import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymous, type Actor } from '../shared/actor.js';
import { resolveActor } from '../modules/identity/resolve-actor.js';
import { AppError } from './errors.js';
import type { AppContext } from './context.js';

export const SESSION_COOKIE = 'ow_session';
export const CSRF_COOKIE = 'ow_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionId?: string;
  }
}

/**
 * Resolves who is calling on every request. Cookie sessions must echo their CSRF token on unsafe
 * methods; bearer tokens (integrations) need not, since browsers never attach them on their own.
 */
export function installAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null as unknown as Actor);
  // A callback hook, not an async one: a request without credentials (the public pages, tracking)
  // goes on at once, without a promise and a microtask turn of its own.
  app.addHook('onRequest', (req: FastifyRequest, _reply, done) => {
    req.actor = anonymous(req.ip);
    if (!req.url.startsWith('/api/')) return done();
    const auth = req.headers.authorization;
    const bearerToken = auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : undefined;
    const sessionToken = req.cookies?.[SESSION_COOKIE];
    if (!bearerToken && !sessionToken) return done();
    resolveActor(ctx.db, ctx.clock, { bearerToken, sessionToken }, req.ip).then((resolved) => {
      if (!resolved) {
        // an expired cookie is simply no session
        return done(bearerToken ? new AppError('unauthenticated') : undefined);
      }
      if (
        resolved.csrfToken &&
        UNSAFE.has(req.method) &&
        req.headers['x-csrf-token'] !== resolved.csrfToken
      ) {
        return done(new AppError('csrf_failed'));
      }
      req.actor = resolved.actor;
      if (resolved.sessionId) req.sessionId = resolved.sessionId;
      done();
    }, done);
  });
}
