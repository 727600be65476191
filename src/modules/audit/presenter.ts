import { fromJson } from '../../shared/json.js';

export function presentAuditEvent(r: {
  id: string;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: string;
}) {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    actorIp: r.actor_ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: fromJson<Record<string, unknown>>(r.data, {}),
  };
}
