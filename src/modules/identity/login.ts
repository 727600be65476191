import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor, Role } from '../../shared/actor.js';
import { newId, randomToken, sha256 } from '../../shared/ids.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import { dummyVerify, verifyPassword } from './passwords.js';
import { countLoginFailures, findUserByUsername } from './repository.js';

export const LOGIN_POLICY = {
  /** Consecutive failures before an account locks. */
  maxFailures: 5,
  lockMinutes: 15,
  /** Failures from one address within the window before it is slowed down. */
  ipFailures: 20,
  ipWindowMinutes: 15,
};

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
  user: { id: string; username: string; role: Role; departmentId: string | null };
}

export async function login(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { username: string; password: string; userAgent?: string },
  ttlHours: number,
): Promise<LoginResult> {
  const now = clock.now();
  const ipKey = `ip:${actor.ip ?? 'unknown'}`;
  const since = new Date(now.getTime() - LOGIN_POLICY.ipWindowMinutes * 60_000).toISOString();
  if ((await countLoginFailures(db, ipKey, since)) >= LOGIN_POLICY.ipFailures) {
    throw new AppError('rate_limited', { retryAfter: LOGIN_POLICY.ipWindowMinutes * 60 }, [], {
      retryAfter: LOGIN_POLICY.ipWindowMinutes * 60,
    });
  }
  const user = await findUserByUsername(db, input.username);
  if (user?.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError('account_locked', { until: user.locked_until });
  }
  const ok =
    user && user.status === 'active'
      ? await verifyPassword(user.password_hash, input.password)
      : await dummyVerify(input.password);

  if (!ok || !user) {
    await audited(db, clock, actor, async (uow) => {
      await uow.db.insertInto('login_failures').values({ key: ipKey, at: uow.nowIso }).execute();
      if (!user) {
        await uow.audit({
          action: 'login.failed',
          entityType: 'user',
          entityId: input.username.slice(0, 64),
          data: { reason: 'unknown_user' },
        });
        return;
      }
      const failures = user.failed_logins + 1;
      const lock = failures >= LOGIN_POLICY.maxFailures;
      const lockedUntil = lock
        ? new Date(uow.now.getTime() + LOGIN_POLICY.lockMinutes * 60_000).toISOString()
        : null;
      await uow.db
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failures, locked_until: lockedUntil, updated_at: uow.nowIso })
        .where('id', '=', user.id)
        .execute();
      await uow.audit({
        action: 'login.failed',
        entityType: 'user',
        entityId: user.id,
        data: { reason: user.status === 'active' ? 'wrong_password' : 'disabled', failures },
      });
      if (lock)
        await uow.audit({
          action: 'account.locked',
          entityType: 'user',
          entityId: user.id,
          data: { until: lockedUntil },
        });
    });
    throw new AppError('invalid_credentials');
  }

  const sessionToken = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
  await audited(db, clock, actor, async (uow) => {
    await uow.db
      .insertInto('sessions')
      .values({
        id: sha256(sessionToken),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: uow.nowIso,
        expires_at: expiresAt,
        revoked_at: null,
        ip: actor.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    if (user.failed_logins > 0 || user.locked_until) {
      await uow.db
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', user.id)
        .execute();
    }
    await uow.audit({
      action: 'session.created',
      entityType: 'user',
      entityId: user.id,
      data: { sessionRef: newId().slice(0, 8) },
    });
  });
  return {
    sessionToken,
    csrfToken,
    expiresAt,
    user: { id: user.id, username: user.username, role: user.role as Role, departmentId: user.department_id },
  };
}
