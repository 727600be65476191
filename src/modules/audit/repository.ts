import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import type { Actor } from '../../shared/actor.js';
import type { AuditInput } from './audit-event.js';

/** The row of an audit event. */
export function auditRow(at: Date, actor: Actor, e: AuditInput) {
  return {
    id: newId(at.getTime()),
    at: at.toISOString(),
    actor_id: actor.id,
    actor_role: actor.role === 'system' && actor.username ? `system:${actor.username}` : actor.role,
    actor_ip: actor.ip ?? null,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    data: toJson(e.data ?? {}),
  };
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function findAuditEvents(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_events');
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
