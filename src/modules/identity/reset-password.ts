import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { enqueueNotifications } from '../supervision/signals.js';
import type { AddressGate } from './address-failures.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { findUserByUsername } from './repository.js';
import {
  closeResets,
  countResetAttempt,
  openResetOf,
  revokeSessions,
  setPassword,
  useReset,
  type ResetRow,
} from './repository-resets.js';
import { beijingMinute, RESET_POLICY, resetCodeHash } from './reset-policy.js';

/**
 * Sets a new password with the code sent for the account's newest open reset. The code works once,
 * within its minutes, and for at most RESET_POLICY.maxAttempts guesses; wrong codes are also counted
 * per address. Success ends every session of the account and tells the account on every channel.
 * An unknown username, no open reset and a wrong code all get the same answer.
 */
export async function resetPassword(
  db: Db,
  clock: Clock,
  actor: Actor,
  gate: AddressGate,
  input: { username: string; code: string; newPassword: string },
): Promise<void> {
  const pw = passwordProblem(input.newPassword);
  if (pw)
    throw new AppError('validation_failed', { summary: '/body/newPassword' }, [
      { path: '/body/newPassword', code: 'weak_password', zh: pw.zh, en: `The password ${pw.en}` },
    ]);
  const now = clock.now();
  const found = await gate.guard(
    actor.ip ?? 'unknown',
    now,
    async (): Promise<(ResetRow & { username: string }) | undefined> => {
      const user = await findUserByUsername(db, input.username.trim());
      if (!user || user.status !== 'active') return undefined;
      const reset = await openResetOf(db, user.id, now.toISOString());
      if (!reset || reset.attempts >= RESET_POLICY.maxAttempts) return undefined;
      if (reset.code_hash === resetCodeHash(reset.id, input.code.trim()))
        return { ...reset, username: user.username };
      await countResetAttempt(db, reset.id, RESET_POLICY.maxAttempts);
      return undefined;
    },
  );
  if (!found) throw new AppError('reset_code_invalid');
  const passwordHash = await hashPassword(input.newPassword);
  await audited(db, clock, actor, async (uow) => {
    if (!(await useReset(uow.db, found.id, uow.nowIso))) throw new AppError('reset_code_invalid');
    await closeResets(uow.db, found.user_id, uow.nowIso);
    await setPassword(uow.db, found.user_id, passwordHash, uow.nowIso);
    const sessions = await revokeSessions(uow.db, found.user_id, uow.nowIso);
    await enqueueNotifications(
      uow.db,
      [
        {
          kind: 'password_changed',
          recipientType: 'user',
          recipientId: found.user_id,
          subjectType: 'user',
          subjectId: found.user_id,
          payload: { username: found.username, at: beijingMinute(uow.now) },
        },
      ],
      uow.nowIso,
    );
    await uow.audit({
      action: 'password.reset',
      entityType: 'user',
      entityId: found.user_id,
      data: { channel: found.channel, sessionsEnded: sessions },
    });
  });
}
