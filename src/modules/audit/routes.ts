import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, Nullable, paged, StringEnum, toLimitOffset } from '../../shared/schema-helpers.js';
import { AUDIT_ACTIONS } from './audit-event.js';
import { listAuditEvents } from './list-audit-events.js';
import { presentAuditEvent } from './presenter.js';

const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  actorId: Type.Optional(Type.String({ maxLength: 100 })),
  action: Type.Optional(StringEnum(AUDIT_ACTIONS)),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

const AuditView = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  actorIp: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/audit-events',
      {
        schema: {
          tags: ['audit'],
          summary: 'Query the audit trail (administrators and supervisors)',
          querystring: AuditQuery,
          response: { 200: paged(AuditView), ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const q = req.query;
        const norm = (s?: string) => (s ? new Date(s).toISOString() : undefined);
        const { rows, total } = await listAuditEvents(ctx.db, req.actor, {
          ...q,
          from: norm(q.from),
          to: norm(q.to),
          ...toLimitOffset(q),
        });
        return { items: rows.map(presentAuditEvent), total, page: q.page, pageSize: q.pageSize };
      },
    );
  };
