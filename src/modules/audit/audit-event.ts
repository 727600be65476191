/** Every action that changes state, as a closed list so reports and filters can rely on it. */
export const AUDIT_ACTIONS = [
  'department.created', 'department.updated',
  'fee.created', 'fee.updated', 'fee.withdrawn',
  'item.created', 'item.draft_updated', 'item.published', 'item.withdrawn',
  'synonyms.replaced', 'catalogue.imported',
  'user.registered', 'user.created', 'user.updated', 'user.password_changed',
  'session.created', 'session.revoked', 'login.failed', 'account.locked',
  'api_token.created', 'api_token.revoked',
  'calendar.proposed', 'calendar.confirmed', 'calendar.rejected', 'clocks.reprojected',
  'supervision.swept', 'supervision.threshold_set', 'supervision.order_answered', 'supervision.order_closed',
  'test_clock.moved',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}
