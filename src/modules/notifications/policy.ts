import type { Rule } from '../../shared/policy.js';

/** Everyone with an account has an inbox; nobody reads or touches anyone else's. */
export const notificationPolicy = {
  readInbox: ((a) => a.id !== null && a.role !== 'anonymous' && a.role !== 'system') as Rule,
  markRead: ((a, ownerId: string) => a.id !== null && a.id === ownerId) as Rule<string>,
} as const;
