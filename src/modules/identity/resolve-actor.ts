import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor, Role } from '../../shared/actor.js';
import { sha256 } from '../../shared/ids.js';
import { findSessionWithUser, findTokenWithUser } from './repository.js';
import { DEVICE_ROLE, parseBinding } from './device-accounts.js';

export interface Credentials {
  sessionToken?: string;
  bearerToken?: string;
}

export interface ResolvedActor {
  actor: Actor;
  /** Set for cookie sessions: unsafe requests must echo it in x-csrf-token. */
  csrfToken?: string;
  sessionId?: string;
}

/** Turns a session cookie or an API token into an actor; anything invalid resolves to undefined. */
export async function resolveActor(
  db: Db,
  clock: Clock,
  creds: Credentials,
  ip: string | null,
): Promise<ResolvedActor | undefined> {
  const now = clock.now().toISOString();
  if (creds.bearerToken) {
    const t = await findTokenWithUser(db, sha256(creds.bearerToken));
    if (!t || t.revoked_at || (t.expires_at && t.expires_at <= now) || t.status !== 'active')
      return undefined;
    if (t.role === DEVICE_ROLE) {
      // A device acts only within the binding its token was issued with.
      const device = t.scope ? parseBinding(t.scope) : undefined;
      if (!device) return undefined;
      return {
        actor: { id: t.user_id, role: 'device', departmentId: null, ip, username: t.username, device },
      };
    }
    return {
      actor: { id: t.user_id, role: t.role as Role, departmentId: t.department_id, ip, username: t.username },
    };
  }
  if (creds.sessionToken) {
    const id = sha256(creds.sessionToken);
    const s = await findSessionWithUser(db, id);
    if (!s || s.revoked_at || s.expires_at <= now || s.status !== 'active') return undefined;
    return {
      actor: { id: s.user_id, role: s.role as Role, departmentId: s.department_id, ip, username: s.username },
      csrfToken: s.csrf_token,
      sessionId: id,
    };
  }
  return undefined;
}
