import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor, Role } from '../../shared/actor.js';
import { newId, randomToken, sha256 } from '../../shared/ids.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import { reserveGuess } from './address-failures.js';
import { dummyVerify, verifyPassword } from './passwords.js';
import { DEVICE_ROLE } from './device-accounts.js';
import { countLoginAttempt, findUserByUsername, lockAccount, type UserRow } from './repository.js';

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

const lockedUntil = (now: Date) => new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000).toISOString();

/**
 * Every attempt is counted before its password is checked (argon2 takes tens of milliseconds), for
 * the address and for the account, each in one atomic statement: attempts in flight count, so a burst
 * of parallel guesses gets no more checks than the policy allows.
 */
export async function login(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { username: string; password: string; userAgent?: string },
  ttlHours: number,
): Promise<LoginResult> {
  const now = clock.now();
  const address = await reserveGuess(
    db,
    `ip:${actor.ip ?? 'unknown'}`,
    { maxFailures: LOGIN_POLICY.ipFailures, windowMinutes: LOGIN_POLICY.ipWindowMinutes },
    now,
  );
  const user = await findUserByUsername(db, input.username);
  const attempt = user ? await countLoginAttempt(db, user.id, now.toISOString()) : 0;
  if (user && (attempt === undefined || attempt > LOGIN_POLICY.maxFailures)) {
    // Locked, or as many attempts as the policy allows are already counted: this one is not checked.
    await address.release();
    if (attempt !== undefined) await lock(db, clock, actor, user);
    throw new AppError('account_locked', {
      until: attempt === undefined && user.locked_until ? user.locked_until : lockedUntil(now),
    });
  }
  const ok =
    // A device's account has no password and never logs in: it acts only by its bound token.
    user && user.status === 'active' && user.role !== DEVICE_ROLE
      ? await verifyPassword(user.password_hash, input.password)
      : await dummyVerify(input.password);

  if (!ok || !user) {
    await failed(db, clock, actor, input.username, user, attempt ?? 0);
    throw new AppError('invalid_credentials');
  }
  await address.release();

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
    // The attempt counted above, and any earlier failures, end with a success.
    await uow.db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
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

/** A failed attempt (already counted) is audited; the one that reaches the limit locks the account. */
async function failed(
  db: Db,
  clock: Clock,
  actor: Actor,
  username: string,
  user: UserRow | undefined,
  failures: number,
) {
  await audited(db, clock, actor, async (uow) => {
    if (!user) {
      await uow.audit({
        action: 'login.failed',
        entityType: 'user',
        entityId: username.slice(0, 64),
        data: { reason: 'unknown_user' },
      });
      return;
    }
    await uow.audit({
      action: 'login.failed',
      entityType: 'user',
      entityId: user.id,
      data: { reason: user.status === 'active' ? 'wrong_password' : 'disabled', failures },
    });
  });
  if (user && failures >= LOGIN_POLICY.maxFailures) await lock(db, clock, actor, user);
}

/** Locks the account unless another attempt already did (one lock, one audit event). */
async function lock(db: Db, clock: Clock, actor: Actor, user: UserRow) {
  await audited(db, clock, actor, async (uow) => {
    const until = lockedUntil(uow.now);
    if (!(await lockAccount(uow.db, user.id, uow.nowIso, until))) return uow.unchanged(undefined);
    await uow.audit({ action: 'account.locked', entityType: 'user', entityId: user.id, data: { until } });
  });
}
