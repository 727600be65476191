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
  'notification.expanded', 'notification.rejected', 'notification.deliveries_claimed', 'notification.deliveries_settled', 'notification.read',
  'case.created', 'case.submit', 'case.edit_draft', 'case.request_supplement', 'case.supplement', 'case.accept', 'case.accept_with_shortfall',
  'case.refuse_intake', 'case.provide_deferred', 'case.record_opinion', 'case.record_site_verification', 'case.start_special_procedure',
  'case.end_special_procedure', 'case.request_extension', 'case.approve_extension', 'case.decide_task', 'case.deliver', 'case.withdraw',
  'file.uploaded', 'inquiry.recorded', 'inquiry.answered', 'inquiry.handed_over', 'bundle.saved',
  'fee_form.issued', 'fee_form.cancelled', 'fee.waived', 'fee.charge_refused', 'fee.item_settings_saved',
  'payment.counter_recorded', 'payment.notification_applied', 'payment.notification_duplicate', 'payment.notification_unmatched',
  'receipt.void_requested', 'receipt.voided', 'receipt.void_rejected',
  'refund.requested', 'refund.found', 'refund.filed', 'refund.reviewed', 'refund.approved', 'refund.rejected', 'refund.paid',
  'fee.remitted', 'reconciliation.imported', 'reconciliation.item_resolved',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}
