/**
 * Every action that changes state, each with the shape of its data: the compiler refuses an event
 * whose data does not match its action, and reports and filters can rely on both. Stored rows are
 * JSON, so a shape may gain optional fields; changing or removing one strands the rows written
 * before.
 */
type Counts = { created: number; updated: number };
type Nothing = Record<string, never>;

/** What a case action records (the hash-chained case history keeps the details). */
type CaseStep = { receiptNo: string; from: string; to: string };
/** What a letter action records (来函必复): the letter's number and the states it went between. */
type LetterStep = { number: string; from: string; to: string };
/** What a step of a complaint ticket records (its chained history keeps the details). */
type ComplaintStep = { ticketNo: string; from: string; to: string };
/** What a step of an enterprise inspection records: its number and the states it went between. */
type InspectionStep = { number: string; from: string; to: string };

interface AuditData {
  'department.created': { code: string };
  /** renamed: its published items' search terms were rebuilt (how many) in the same transaction */
  'department.updated': { code: string; renamed?: true; reindexedItems?: number };
  'fee.created': { code: string; rule: unknown };
  'fee.updated': { code: string; before: unknown; after: unknown };
  'fee.withdrawn': { code: string };
  'item.created': { code: string; name: string; via?: 'import' };
  'item.draft_updated': { versionNo: number };
  'item.published':
    | { versionNo: number; previousVersionId: string | null }
    | { versionNo: number; versionId: string; via: 'import' }
    | { versionNo: number; previousVersionId: string | null; comment: string; changed: string[] };
  'item.withdrawn': { reason: string };
  'synonyms.replaced': { count: number };
  'catalogue.imported': {
    departments: Counts;
    fees: Counts;
    items: { created: number; newVersions: number; unchanged: number };
    synonyms: number;
  };
  /** `change` since bundles are written by administrators too; older rows (the seed's) lack it. */
  'bundle.saved': { code: string; items: string[]; change?: 'created' | 'updated' };
  'bundle.withdrawn': { code: string; reason: string };
  'user.registered': { username: string; kind: string };
  'user.created': { username: string; role: string; departmentId: string | null };
  'user.updated': { changed: string[]; passwordChanged: boolean };
  'user.password_changed': { changed: string[]; passwordChanged: boolean };
  'session.created': { sessionRef: string };
  'session.revoked': Nothing;
  'login.failed': { reason: 'unknown_user' } | { reason: 'wrong_password' | 'disabled'; failures: number };
  'account.locked': { until: string | null };
  'api_token.created': { tokenId: string; name: string };
  'api_token.revoked': { tokenId: string };
  'calendar.proposed': {
    proposalId: string;
    source: string;
    added: number;
    removed: number;
    changed: number;
  };
  'calendar.confirmed': {
    proposalId: string;
    proposedBy: string | null;
    change: 'confirmed' | 'corrected';
    days: number;
    reprojected: number;
  };
  'calendar.rejected': { proposalId: string; note: string };
  'test_clock.moved': { from: string; to: string; advanceHours: number };
  /** One supervision pass over a batch of due clocks: how many changed colour, and which turned red. */
  'supervision.swept': { claimed: number; yellow: number; red: string[]; recovered: number };
  'supervision.threshold_set': { yellowPct: number };
  'supervision.order_answered': { length: number };
  'supervision.order_closed': { note: string };
  'notification.channels_announced': { channels: string[] };
  'notification.expanded': {
    expanded: number;
    deliveries: number;
    delivered: number;
    failed: number;
    unreachable: string[];
    rejected: string[];
  };
  'notification.rejected': { kind: string; error: string };
  'notification.deliveries_claimed': { count: number; leaseUntil: string };
  'notification.deliveries_settled':
    | { delivered: string[]; retrying: string[]; failed: string[]; lost: string[] }
    | { failed: string[]; reason: string };
  'notification.read': Nothing;
  'case.created': { receiptNo: string; title: string };
  'case.submit': { receiptNo: string; title: string } | CaseStep;
  'case.edit_draft': CaseStep;
  'case.request_supplement': CaseStep;
  'case.supplement': CaseStep;
  'case.accept': CaseStep;
  'case.accept_with_shortfall': CaseStep;
  'case.refuse_intake': CaseStep;
  'case.provide_deferred': CaseStep;
  'case.record_opinion': CaseStep;
  'case.record_site_verification': CaseStep;
  'case.start_special_procedure': CaseStep;
  'case.end_special_procedure': CaseStep;
  'case.request_extension': CaseStep;
  'case.approve_extension': CaseStep;
  'case.decide_task': CaseStep;
  'case.deliver': CaseStep;
  'case.withdraw': CaseStep;
  'file.uploaded': { sha256: string; size: number; mime: string };
  'inquiry.recorded': { dueDate: string };
  'inquiry.answered': Nothing;
  'inquiry.handed_over': { from: string | null; to: string; note: string };
  'fee_form.issued': {
    number: string;
    caseId: string;
    receiptNo: string;
    chargedFen: number;
    /** The quantity as the form holds it (a decimal string). */
    lines: { feeCode: string; quantity: string; fen: number }[];
  };
  'fee_form.cancelled': { number: string; reason: string; cancelledFen: number };
  'fee.waived': { number: string; feeCode: string; amountFen: number; legalBasis: string; reason: string };
  'fee.charge_refused': { receiptNo: string; feeCode: string; reason: string; via: string };
  'fee.item_settings_saved': { code: string; deliverBeforePaid: boolean; note: string | null };
  'payment.counter_recorded': {
    number: string;
    method: string;
    amountFen: number;
    reference: string | null;
    receipt: string | null;
  };
  'payment.notification_applied': GatewayPayment & {
    formNumber: string;
    appliedFen: number;
    excessFen: number;
  };
  'payment.notification_duplicate': GatewayPayment & { sameTransaction?: true };
  'payment.notification_unmatched': GatewayPayment & { paymentCode: string };
  'receipt.void_requested': { number: string; reason: string; reissue: boolean };
  'receipt.voided': { number: string; reason: string | null; reissuedAs: string | null; reversed: boolean };
  'receipt.void_rejected': { number: string; note: string | null };
  'refund.requested': RefundOpened;
  'refund.found': RefundOpened;
  'refund.filed': { formNumber: string; amountFen: number };
  'refund.reviewed': RefundDecided;
  'refund.approved': RefundDecided;
  'refund.rejected': RefundDecided;
  'refund.paid': { formNumber: string; amountFen: number; source: string; method: string; reference: string };
  'fee.remitted': { amountFen: number; lines: number; reference: string; departmentId: string | null };
  'reconciliation.imported': { gateway: string; date: string; rows: number; matched: number; open: number };
  'reconciliation.item_resolved': {
    itemId: string;
    kind: string;
    transactionId: string | null;
    note: string;
    applied: string | null;
  };
  'letter.registered': { number: string; kind: string; receivedDate: string };
  'letter.attach_original': LetterStep & { sha256: string; size: number; mime: string };
  'letter.assign': LetterStep & { departmentId: string; limitDays: number; dueDate: string };
  'letter.reassign': LetterStep & {
    fromDepartmentId: string | null;
    departmentId: string;
    reason: string;
    dueDate: string;
  };
  'letter.request_extension': LetterStep & { days: number; reason: string };
  'letter.decide_extension': LetterStep & {
    approved: boolean;
    days: number;
    dueDate: string | null;
    note: string | null;
  };
  'letter.answer': LetterStep & {
    replyNumber: string;
    /** the PDF's, in answers before documents were rendered after the commit */
    sha256?: string;
    contentSha256?: string;
    onTime: boolean;
  };
  'hall.group_saved': { code: string; created: boolean };
  'hall.window_saved': { code: string; created: boolean };
  'hall.code_sent': { phoneTail: string };
  'hall.appointment_booked': {
    code: string;
    groupId: string;
    day: string;
    slot: string;
    via: 'account' | 'code';
  };
  'hall.appointment_cancelled': { code: string; day: string; slot: string };
  'hall.appointment_rescheduled': { code: string; from: string; to: string };
  'hall.appointment_no_show': { code: string; noShows: number; suspendedUntil: string | null };
  'hall.ticket_taken': { number: string; groupId: string; source: string; priority: number };
  'hall.window_sat': { window: string; left: boolean };
  'hall.ticket_called': { number: string; window: string };
  'hall.ticket_recalled': { number: string; window: string; calls: number };
  'hall.ticket_absent': { number: string; window: string };
  'hall.ticket_transferred': { number: string; from: string; to: string };
  'hall.ticket_served': {
    number: string;
    caseId: string | null;
    waitSeconds: number;
    serviceSeconds: number;
    visits: number | null;
  };
  'complaint.submitted': { ticketNo: string; channel: string; category: string };
  'complaint.accept': ComplaintStep;
  'complaint.refuse': ComplaintStep;
  'complaint.dispatch': ComplaintStep;
  'complaint.return': ComplaintStep;
  'complaint.decide_return': ComplaintStep;
  'complaint.reassign': ComplaintStep;
  'complaint.reply': ComplaintStep;
  'complaint.close': ComplaintStep;
  'complaint.callback': ComplaintStep;
  'complaint.rate': ComplaintStep;
  'complaint.reopen': ComplaintStep;
  'complaint.merge': ComplaintStep;
  'complaint_category.updated': { limitDays: number; urgentLimitDays: number; active: boolean };
  'open311_key.issued': { name: string };
  'inspection.item_published': { departmentId: string; code: string; versionNo: number };
  'inspection.violation_published': { departmentId: string; code: string; versionNo: number };
  'inspection.published_withdrawn': { kind: 'item' | 'violation'; code: string; versionNo: number };
  'inspection.inspector_saved': { departmentId: string; certificateNo: string; validTo: string };
  'inspection.settings_saved': { changed: string[] };
  'inspection.registered': InspectionStep & { plannedDate: string; items: string[]; inspectors: string[] };
  'inspection.refused': { rule: string; departmentId: string; creditCode: string };
  'inspection.joined': InspectionStep & { withNumber: string; jointGroup: string };
  'inspection.started': InspectionStep & { scanId: string };
  'inspection.unregistered_start': { scanId: string; enterpriseId: string; departmentId: string | null };
  'inspection.ended': InspectionStep & { minutes: number; overran: boolean };
  'inspection.result_recorded': InspectionStep & {
    outcome: string;
    fineFen: number | null;
    outsideStandard: boolean;
    recordNumber: string;
    sha256: string;
  };
  'inspection.received': InspectionStep;
  'inspection.complained': InspectionStep & { ticketNo: string };
  'document.rendered': { number: string; sha256: string; contentSha256: string | null; attempts: number };
  'document.render_failed': { number: string; attempts: number; error: string; failed: boolean };
  'document.renders_claimed': { documents: string[] };
  'commitment.published': { departmentId: string; period: string; kind: string; measure: string | null };
  'commitment.milestone_done': { seq: number };
  'commitment.evidence_added': { sha256: string; size: number; milestoneSeq: number | null };
  'commitment.assessed': { state: string; value: number | null; basis: string };
  'commitment.explained': { state: string };
  'selfinspection.campaign_opened': { topic: string; deadline: string; departments: number };
  'selfinspection.report_filed': { campaignId: string; departmentId: string; problems: number };
  'selfinspection.report_rejected': { campaignId: string; departmentId: string; reason: string };
  'selfinspection.report_accepted': { campaignId: string; departmentId: string };
  'selfinspection.spot_checked': { campaignId: string; departmentId: string };
  'selfinspection.problem_added': { campaignId: string; departmentId: string; foundBy: string };
  'selfinspection.problem_rectified': { campaignId: string; sha256: string | null };
  'selfinspection.summary_published': { campaignId: string; byDepartment: number; bySupervisors: number };
  'feereview.round_opened': { title: string; lines: number };
  'feereview.proposed': { feeCode: string; proposal: string };
  'feereview.approved': { feeCode: string; proposal: string; effectiveDate: string };
  'feereview.returned': { feeCode: string; note: string };
  'feereview.applied': { catalogueVersion: number; feeCodes: string[]; itemsUpdated: number };
  'learning.material_saved': { title: string; versionNo: number; format: string };
  'learning.question_added': { materialId: string };
  'learning.assigned': {
    materialId: string;
    role: string | null;
    departmentId: string | null;
    dueDate: string;
  };
  'learning.studied': { materialId: string; seconds: number; sections: number };
  'learning.quiz_started': { materialId: string; seq: number };
  'learning.quiz_submitted': { materialId: string; seq: number; scorePct: number; passed: boolean };
  'rating.recorded': { channel: string; level: number; subjectType: string };
  'rating.rectification_opened': { ratingId: string; dueDate: string; callbackRequired: boolean };
  'rating.rectification_acknowledged': { ratingId: string };
  'rating.rectification_answered': { ratingId: string };
  'rating.rectified': { ratingId: string };
  'rating.called_back': { ratingId: string; reached: boolean };
  'rating.appealed': { ratingId: string; grounds: string };
  'rating.appeal_decided': { ratingId: string; excluded: boolean };
  'rating.invited': { subjectType: string; ref: string };
  'rating.reminded': { count: number };
  'appraisal.campaign_opened': { title: string; departments: number; reappraisalOf: string | null };
  'appraisal.codes_issued': { category: string; count: number; delivery: string };
  'appraisal.ballot_cast': Nothing;
  'appraisal.results_published': { ballots: number; bottom: string[] };
  'appraisal.rectification_reported': { departmentId: string };
  'dashboard.item_commitments_reviewed': { quarter: string; items: number; notKept: number };
  'disclosure.document_published': { docNo: string; amendsId: string | null };
  'disclosure.document_repealed': { docNo: string; repealedOn: string; repealedById: string | null };
  'disclosure.interpretation_updated': { docNo: string };
  'disclosure.item_linked': { itemCode: string; documentId: string };
  'disclosure.item_unlinked': { itemCode: string; documentId: string };
  'disclosure.village_registered': {
    code: string;
    departmentId: string;
    cadence: string;
    dueDays: number;
    discloseFrom: string;
  };
  'disclosure.cadence_changed': {
    fromPeriod: string;
    before: { cadence: string; dueDays: number };
    after: { cadence: string; dueDays: number };
    superseded: { startsOn: string; cadence: string; dueDays: number }[];
  };
  'disclosure.statement_published': { villageId: string; period: string; onTime: boolean };
  'disclosure.file_added': { sha256: string; size: number };
  'disclosure.overdue_signalled': { periods: string[] };
  'case.promise_lapsed': { receiptNo: string; deadline: string; materials: string[] };
  'password.reset_requested': { channel: 'sms' | 'email'; sent: boolean };
  'password.reset': { channel: string; sessionsEnded: number };
  'profile.updated': Nothing;
  'item.material_file_uploaded': { sha256: string; size: number; mime: string };
  'hall.device_registered': { kind: string; name: string; windowId: string | null; groupId: string | null };
  'hall.device_revoked': { kind: string; name: string };
  'hall.settings_saved': {
    priority: { disabled: number; elderly: number; appointment: number };
    elderlyAge: number;
    noShowLimit: number;
    suspendDays: number;
  };
  'assessment.rebuilt': { contributions: number; reason: string };
  'assessment.refreshed': { records: number; events: number };
  'assessment.scheme_saved': { period: string; version: number };
  'assessment.commented': { period: string; departmentId: string };
  'assessment.finalised': {
    period: string;
    departmentId: string;
    grade: string | null;
    score: number | null;
  };
}

type GatewayPayment = { transactionId: string; amountFen: number };
type RefundOpened = { formNumber: string; amountFen: number; source: string; origin: string; reason: string };
type RefundDecided = { formNumber: string; step: 'review' | 'approval'; note: string | null };

export type AuditAction = keyof AuditData;
export type AuditDataOf<A extends AuditAction> = AuditData[A];

/** One audit event: an action with the data of that action, about one entity (or a batch). */
export type AuditInput = {
  [A in AuditAction]: {
    action: A;
    entityType: string;
    entityId: string;
  } & (AuditData[A] extends Nothing ? { data?: Nothing } : { data: AuditData[A] });
}[AuditAction];

const ACTIONS: { [A in AuditAction]: true } = {
  'department.created': true,
  'department.updated': true,
  'fee.created': true,
  'fee.updated': true,
  'fee.withdrawn': true,
  'item.created': true,
  'item.draft_updated': true,
  'item.published': true,
  'item.withdrawn': true,
  'synonyms.replaced': true,
  'catalogue.imported': true,
  'bundle.saved': true,
  'bundle.withdrawn': true,
  'user.registered': true,
  'user.created': true,
  'user.updated': true,
  'user.password_changed': true,
  'session.created': true,
  'session.revoked': true,
  'login.failed': true,
  'account.locked': true,
  'api_token.created': true,
  'api_token.revoked': true,
  'calendar.proposed': true,
  'calendar.confirmed': true,
  'calendar.rejected': true,
  'test_clock.moved': true,
  'supervision.swept': true,
  'supervision.threshold_set': true,
  'supervision.order_answered': true,
  'supervision.order_closed': true,
  'notification.channels_announced': true,
  'notification.expanded': true,
  'notification.rejected': true,
  'notification.deliveries_claimed': true,
  'notification.deliveries_settled': true,
  'notification.read': true,
  'case.created': true,
  'case.submit': true,
  'case.edit_draft': true,
  'case.request_supplement': true,
  'case.supplement': true,
  'case.accept': true,
  'case.accept_with_shortfall': true,
  'case.refuse_intake': true,
  'case.provide_deferred': true,
  'case.record_opinion': true,
  'case.record_site_verification': true,
  'case.start_special_procedure': true,
  'case.end_special_procedure': true,
  'case.request_extension': true,
  'case.approve_extension': true,
  'case.decide_task': true,
  'case.deliver': true,
  'case.withdraw': true,
  'file.uploaded': true,
  'inquiry.recorded': true,
  'inquiry.answered': true,
  'inquiry.handed_over': true,
  'fee_form.issued': true,
  'fee_form.cancelled': true,
  'fee.waived': true,
  'fee.charge_refused': true,
  'fee.item_settings_saved': true,
  'payment.counter_recorded': true,
  'payment.notification_applied': true,
  'payment.notification_duplicate': true,
  'payment.notification_unmatched': true,
  'receipt.void_requested': true,
  'receipt.voided': true,
  'receipt.void_rejected': true,
  'refund.requested': true,
  'refund.found': true,
  'refund.filed': true,
  'refund.reviewed': true,
  'refund.approved': true,
  'refund.rejected': true,
  'refund.paid': true,
  'fee.remitted': true,
  'reconciliation.imported': true,
  'reconciliation.item_resolved': true,
  'letter.registered': true,
  'letter.attach_original': true,
  'letter.assign': true,
  'letter.reassign': true,
  'letter.request_extension': true,
  'letter.decide_extension': true,
  'letter.answer': true,
  'hall.group_saved': true,
  'hall.window_saved': true,
  'hall.code_sent': true,
  'hall.appointment_booked': true,
  'hall.appointment_cancelled': true,
  'hall.appointment_rescheduled': true,
  'hall.appointment_no_show': true,
  'hall.ticket_taken': true,
  'hall.window_sat': true,
  'hall.ticket_called': true,
  'hall.ticket_recalled': true,
  'hall.ticket_absent': true,
  'hall.ticket_transferred': true,
  'hall.ticket_served': true,
  'complaint.submitted': true,
  'complaint.accept': true,
  'complaint.refuse': true,
  'complaint.dispatch': true,
  'complaint.return': true,
  'complaint.decide_return': true,
  'complaint.reassign': true,
  'complaint.reply': true,
  'complaint.close': true,
  'complaint.callback': true,
  'complaint.rate': true,
  'complaint.reopen': true,
  'complaint.merge': true,
  'complaint_category.updated': true,
  'open311_key.issued': true,
  'inspection.item_published': true,
  'inspection.violation_published': true,
  'inspection.published_withdrawn': true,
  'inspection.inspector_saved': true,
  'inspection.settings_saved': true,
  'inspection.registered': true,
  'inspection.refused': true,
  'inspection.joined': true,
  'inspection.started': true,
  'inspection.unregistered_start': true,
  'inspection.ended': true,
  'inspection.result_recorded': true,
  'inspection.received': true,
  'inspection.complained': true,
  'document.rendered': true,
  'document.render_failed': true,
  'document.renders_claimed': true,
  'commitment.published': true,
  'commitment.milestone_done': true,
  'commitment.evidence_added': true,
  'commitment.assessed': true,
  'commitment.explained': true,
  'selfinspection.campaign_opened': true,
  'selfinspection.report_filed': true,
  'selfinspection.report_rejected': true,
  'selfinspection.report_accepted': true,
  'selfinspection.spot_checked': true,
  'selfinspection.problem_added': true,
  'selfinspection.problem_rectified': true,
  'selfinspection.summary_published': true,
  'feereview.round_opened': true,
  'feereview.proposed': true,
  'feereview.approved': true,
  'feereview.returned': true,
  'feereview.applied': true,
  'learning.material_saved': true,
  'learning.question_added': true,
  'learning.assigned': true,
  'learning.studied': true,
  'learning.quiz_started': true,
  'learning.quiz_submitted': true,
  'rating.recorded': true,
  'rating.rectification_opened': true,
  'rating.rectification_acknowledged': true,
  'rating.rectification_answered': true,
  'rating.rectified': true,
  'rating.called_back': true,
  'rating.appealed': true,
  'rating.appeal_decided': true,
  'rating.invited': true,
  'rating.reminded': true,
  'appraisal.campaign_opened': true,
  'appraisal.codes_issued': true,
  'appraisal.ballot_cast': true,
  'appraisal.results_published': true,
  'appraisal.rectification_reported': true,
  'dashboard.item_commitments_reviewed': true,
  'disclosure.document_published': true,
  'disclosure.document_repealed': true,
  'disclosure.interpretation_updated': true,
  'disclosure.item_linked': true,
  'disclosure.item_unlinked': true,
  'disclosure.village_registered': true,
  'disclosure.cadence_changed': true,
  'disclosure.statement_published': true,
  'disclosure.file_added': true,
  'disclosure.overdue_signalled': true,
  'case.promise_lapsed': true,
  'password.reset_requested': true,
  'password.reset': true,
  'profile.updated': true,
  'item.material_file_uploaded': true,
  'hall.device_registered': true,
  'hall.device_revoked': true,
  'hall.settings_saved': true,
  'assessment.rebuilt': true,
  'assessment.refreshed': true,
  'assessment.scheme_saved': true,
  'assessment.commented': true,
  'assessment.finalised': true,
};

/** The closed list of actions (the audit query filters by it); the compiler keeps it equal to AuditData's keys. */
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[];
