import { isRole, type Rule } from '../../shared/policy.js';

export const auditPolicy = {
  read: ((a) => isRole(a, 'admin', 'supervisor')) as Rule,
} as const;
