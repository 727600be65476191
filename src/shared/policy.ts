import { AppError } from '../server/errors.js';
import type { Actor } from './actor.js';

/** A rule answers one question: may this actor do this to this resource? Pure and synchronous. */
export type Rule<R = undefined> = (actor: Actor, resource: R) => boolean;

/**
 * Throws 401 for a visitor who is not logged in and 403 for a user who is, so clients know whether
 * logging in could help.
 */
export function authorize<R>(actor: Actor, rule: Rule<R>, resource: R, action: string): void {
  // The system actor (CLI run by the operator, background workers) is trusted with every action.
  if (actor.role === 'system' || rule(actor, resource)) return;
  if (actor.role === 'anonymous') throw new AppError('unauthenticated');
  throw new AppError('forbidden', { action });
}

export const isRole = (actor: Actor, ...roles: Actor['role'][]): boolean => roles.includes(actor.role);
