import type { FastifyInstance } from 'fastify';
import type { Rule } from '../shared/policy.js';
import type { CaseAction } from '../modules/cases/case-machine.js';
import type { ComplaintAction } from '../modules/complaints/policy.js';
import { POLICIES } from './policies.js';
import type { LetterAction } from '../modules/letters/letter-machine.js';
import { rolesAdmittedBy, ALL_ROLES, type AnyRole } from './policy-admits.js';

type Policies = typeof POLICIES;
/** A rule by name ("feePolicy.issue"), or a case-machine action of casePolicy.act ("casePolicy.act:accept"). */
export type RuleName =
  | { [P in keyof Policies]: `${P}.${string & keyof Policies[P]}` }[keyof Policies]
  | `casePolicy.act:${CaseAction}`
  | `letterPolicy.act:${LetterAction}`
  | `complaintPolicy.act:${ComplaintAction}`;
/**
 * public: anyone, the visitor included (what is published, tracking by code, signed gateway calls);
 * a list: any of the rules admits; `all`: each rule must admit (a role check, then one on the row).
 */
export type RouteRule = 'public' | RuleName | RuleName[] | { all: RuleName[] };

/**
 * The policy rule that governs each route (several: any of them admits), keyed by method and
 * OpenAPI path under /api/v1. Published in the OpenAPI document as `x-policy`; the access-matrix
 * probe compares what each role is answered with the roles these rules can ever admit, and a
 * route missing here fails it.
 */
export const ROUTE_POLICIES: Record<string, RouteRule> = {
  'POST /auth/register': 'public',
  'POST /auth/login': 'public',
  'POST /auth/logout': 'public',
  'GET /auth/me': 'notificationPolicy.readInbox',
  'GET /staff': 'identityPolicy.listColleagues',
  'GET /admin/users': 'identityPolicy.manageUsers',
  'POST /admin/users': 'identityPolicy.manageUsers',
  'PATCH /admin/users/{id}': 'identityPolicy.manageUsers',
  'POST /admin/users/{id}/tokens': 'identityPolicy.createToken',
  'DELETE /tokens/{id}': 'identityPolicy.revokeToken',
  'GET /audit-events': 'auditPolicy.read',
  'GET /catalogue/summary': 'public',
  'GET /departments': 'public',
  'GET /departments/{id}': 'public',
  'GET /items': 'public',
  'GET /items/{id}': 'public',
  'GET /items/{id}/versions/{no}': 'public',
  'GET /fees': 'public',
  'GET /search': 'public',
  'GET /bundles': 'public',
  'GET /bundles/{id}': 'public',
  'POST /admin/departments': 'cataloguePolicy.writeDepartment',
  'PUT /admin/departments/{id}': 'cataloguePolicy.writeDepartment',
  'GET /admin/bundles': 'cataloguePolicy.writeBundle',
  'POST /admin/bundles': 'cataloguePolicy.writeBundle',
  'PUT /admin/bundles/{id}': 'cataloguePolicy.writeBundle',
  'POST /admin/bundles/{id}/withdraw': 'cataloguePolicy.writeBundle',
  'GET /admin/fees': 'cataloguePolicy.writeFee',
  'POST /admin/fees': 'cataloguePolicy.writeFee',
  'PUT /admin/fees/{id}': 'cataloguePolicy.writeFee',
  'POST /admin/fees/{id}/withdraw': 'cataloguePolicy.writeFee',
  'GET /admin/items': 'cataloguePolicy.listAllItems',
  'POST /admin/items': 'cataloguePolicy.draftItem',
  'PUT /admin/items/{id}/draft': 'cataloguePolicy.draftItem',
  'POST /admin/items/{id}/publish': 'cataloguePolicy.publishItem',
  'POST /admin/items/{id}/withdraw': 'cataloguePolicy.withdrawItem',
  'GET /admin/items/{id}/versions': 'cataloguePolicy.readDrafts',
  'GET /admin/synonyms': 'cataloguePolicy.writeSynonyms',
  'PUT /admin/synonyms': 'cataloguePolicy.writeSynonyms',
  'POST /admin/catalogue/import': 'cataloguePolicy.importCatalogue',
  'GET /admin/catalogue/export': 'cataloguePolicy.exportCatalogue',
  'GET /calendar/{year}': 'public',
  'GET /calendar/deadline': 'public',
  'POST /admin/calendar/proposals': 'clockPolicy.proposeCalendar',
  'GET /admin/calendar/proposals': 'clockPolicy.readProposals',
  'POST /admin/calendar/proposals/{id}/confirm': 'clockPolicy.confirmCalendar',
  'POST /admin/calendar/proposals/{id}/reject': 'clockPolicy.proposeCalendar',
  'GET /test/clock': 'clockPolicy.moveTestClock',
  'POST /test/clock': 'clockPolicy.moveTestClock',
  'GET /supervision/board': 'supervisionPolicy.readAll',
  'GET /supervision/clocks': 'supervisionPolicy.readLists',
  'GET /supervision/signals': 'supervisionPolicy.readLists',
  'GET /supervision/orders': 'supervisionPolicy.readLists',
  'POST /supervision/orders/{id}/answer': 'supervisionPolicy.answerOrder',
  'POST /supervision/orders/{id}/close': 'supervisionPolicy.closeOrder',
  'GET /clocks/{id}': 'clockPolicy.readClock',
  'GET /supervision/subjects/{type}/{id}/clocks': 'clockPolicy.readClock',
  'PUT /admin/supervision/thresholds': 'supervisionPolicy.setThreshold',
  'POST /files': 'casePolicy.uploadFile',
  'GET /files/{id}': 'casePolicy.readFile',
  'POST /cases': 'casePolicy.submit',
  'GET /cases': 'casePolicy.list',
  'GET /cases/{id}': 'casePolicy.read',
  'POST /cases/{id}/submit': 'casePolicy.act:submit',
  'POST /cases/{id}/accept': 'casePolicy.act:accept',
  'POST /cases/{id}/accept-with-shortfall': 'casePolicy.act:accept_with_shortfall',
  'POST /cases/{id}/supplement-request': 'casePolicy.act:request_supplement',
  'POST /cases/{id}/supplement': 'casePolicy.act:supplement',
  'POST /cases/{id}/refuse-intake': 'casePolicy.act:refuse_intake',
  'POST /cases/{id}/deferred-materials': 'casePolicy.act:provide_deferred',
  'POST /cases/{id}/opinions': 'casePolicy.act:record_opinion',
  'POST /cases/{id}/site-verifications': 'casePolicy.act:record_site_verification',
  'POST /cases/{id}/special-procedures': 'casePolicy.act:start_special_procedure',
  'POST /cases/{id}/special-procedures/{recordId}/end': 'casePolicy.act:end_special_procedure',
  'POST /cases/{id}/extension-requests': 'casePolicy.act:request_extension',
  'POST /cases/{id}/extension-requests/{recordId}/decision': 'casePolicy.act:approve_extension',
  'POST /cases/{id}/decisions': 'casePolicy.act:decide_task',
  'POST /cases/{id}/deliver': 'casePolicy.act:deliver',
  'POST /cases/{id}/withdraw': 'casePolicy.act:withdraw',
  'GET /cases/{id}/documents/{docId}': 'casePolicy.read',
  'GET /worklist': 'casePolicy.worklist',
  'GET /track/{receiptNo}': 'public',
  'POST /inquiries': 'casePolicy.handleInquiries',
  'GET /inquiries': 'casePolicy.listInquiries',
  'POST /inquiries/{id}/answer': { all: ['casePolicy.handleInquiries', 'casePolicy.ownInquiry'] },
  'POST /inquiries/{id}/handover': { all: ['casePolicy.handleInquiries', 'casePolicy.ownInquiry'] },
  'GET /inbox': 'notificationPolicy.readInbox',
  'POST /inbox/{id}/read': { all: ['notificationPolicy.readInbox', 'notificationPolicy.markRead'] },
  'GET /cases/{id}/fees': 'casePolicy.read',
  'POST /cases/{id}/fee-forms': 'feePolicy.issue',
  'GET /fee-forms/{id}': 'casePolicy.read',
  'GET /fee-forms/{id}/pdf': 'casePolicy.read',
  'POST /fee-forms/{id}/counter-payments': 'feePolicy.collectAtCounter',
  'POST /fee-forms/{id}/waivers': 'feePolicy.waive',
  'POST /fee-forms/{id}/cancel': 'feePolicy.cancel',
  'POST /fee-forms/{id}/refunds': ['feePolicy.requestRefund', 'feePolicy.fileRefund'],
  'GET /fee-receipts/{id}/pdf': 'casePolicy.read',
  'POST /fee-receipts/{id}/void-request': 'feePolicy.requestVoid',
  'POST /fee-receipts/{id}/void-decision': 'feePolicy.approveVoid',
  'GET /fee-refunds': 'feePolicy.readRefunds',
  'POST /fee-refunds/{id}/file': 'feePolicy.fileRefund',
  'POST /fee-refunds/{id}/review': 'feePolicy.reviewRefund',
  'POST /fee-refunds/{id}/approval': 'feePolicy.approveRefund',
  'POST /fee-refunds/{id}/payment': 'feePolicy.payRefund',
  'GET /items/{id}/fees': 'public',
  'GET /verify/fee-forms/{number}': 'public',
  'GET /verify/fee-receipts/{number}': 'public',
  'POST /payments/notifications/{gateway}': 'public',
  'GET /pay/{paymentCode}': 'public',
  'POST /pay/{paymentCode}/confirm': 'public',
  'GET /fee-reports': 'feePolicy.readReports',
  'POST /fee-reconciliations': 'feePolicy.reconcile',
  'GET /fee-reconciliations': 'feePolicy.reconcile',
  'GET /fee-reconciliations/{id}': 'feePolicy.reconcile',
  'POST /fee-reconciliations/{id}/items/{itemId}/resolve': 'feePolicy.reconcile',
  'POST /fee-remittances': 'feePolicy.remit',
  'GET /fee-ledger/check': 'feePolicy.checkLedger',
  'PUT /admin/fee-item-settings/{id}': 'feePolicy.itemSettings',
  'GET /cases/{id}/history': 'casePolicy.read',
  'GET /track/{receiptNo}/history': 'public',
  'GET /transparency/head': 'public',
  'GET /letter-kinds': 'letterPolicy.list',
  'GET /letters': 'letterPolicy.list',
  'GET /letters/department': 'letterPolicy.worklist',
  'GET /letters/overdue': 'letterPolicy.overdue',
  'GET /letters/{id}': 'letterPolicy.read',
  'GET /letters/{id}/original': 'letterPolicy.readSender',
  'GET /letters/{id}/reply': 'letterPolicy.read',
  'POST /ratings/online': 'ratingPolicy.rateOnline',
  'POST /ratings/on-site': 'ratingPolicy.rateOnSite',
  'POST /ratings/phone': 'ratingPolicy.recordByPhone',
  'GET /ratings/indicators': 'public',
  'GET /ratings/stats': 'public',
  'GET /ratings': 'ratingPolicy.list',
  'GET /ratings/{id}': 'ratingPolicy.read',
  'POST /ratings/{id}/appeal': 'ratingPolicy.appeal',
  'GET /rating-rectifications': 'ratingPolicy.list',
  'POST /rating-rectifications/{id}/acknowledge': 'ratingPolicy.rectify',
  'POST /rating-rectifications/{id}/answer': 'ratingPolicy.rectify',
  'POST /rating-rectifications/{id}/rectify': 'ratingPolicy.rectify',
  'POST /rating-rectifications/{id}/callback': 'ratingPolicy.callBack',
  'GET /rating-appeals': 'ratingPolicy.list',
  'POST /rating-appeals/{id}/decision': 'ratingPolicy.decideAppeal',
  'GET /appraisals': 'public',
  'GET /appraisals/{id}': 'public',
  'POST /appraisals': 'appraisalPolicy.manage',
  'POST /appraisals/{id}/codes': 'appraisalPolicy.manage',
  'POST /appraisals/{id}/ballots': 'public',
  'POST /appraisals/{id}/publish': 'appraisalPolicy.manage',
  'POST /appraisal-rectifications/{id}/report': 'appraisalPolicy.reportRectification',
  'POST /letters': 'letterPolicy.register',
  'POST /letters/{id}/original': { all: ['letterPolicy.register', 'letterPolicy.act:attach_original'] },
  'POST /letters/{id}/assign': 'letterPolicy.act:assign',
  'POST /letters/{id}/reassign': 'letterPolicy.act:reassign',
  'POST /letters/{id}/extension-request': 'letterPolicy.act:request_extension',
  'POST /letters/{id}/extension-decision': 'letterPolicy.act:decide_extension',
  'POST /letters/{id}/answer': 'letterPolicy.act:answer',
  'POST /admin/inspection-items': 'inspectionPolicy.publish',
  'POST /admin/inspection-items/{id}/withdraw': 'inspectionPolicy.publish',
  'POST /admin/inspection-standards': 'inspectionPolicy.publish',
  'POST /admin/inspection-standards/{id}/withdraw': 'inspectionPolicy.publish',
  'POST /admin/inspectors': 'inspectionPolicy.publish',
  'GET /inspection-settings': 'inspectionPolicy.oversee',
  'PUT /inspection-settings': 'inspectionPolicy.oversee',
  'POST /inspections': 'inspectionPolicy.register',
  'GET /inspections': 'inspectionPolicy.list',
  'GET /inspections/overview': 'inspectionPolicy.oversee',
  'POST /inspections/scan': 'inspectionPolicy.scan',
  'GET /inspections/{id}': 'inspectionPolicy.read',
  'GET /inspections/{id}/record': 'inspectionPolicy.read',
  'POST /inspections/{id}/join': 'inspectionPolicy.act',
  'POST /inspections/{id}/end': 'inspectionPolicy.act',
  'POST /inspections/{id}/result': 'inspectionPolicy.act',
  // Published lists and the verification page are anyone's; the enterprise proves itself by its
  // account or by the code on its sign with its check code, so these are open to the visitor too.
  'GET /inspection-items': 'public',
  'GET /inspection-standards': 'public',
  'GET /inspectors': 'public',
  'GET /inspection-stats': 'public',
  'GET /inspect/{code}': 'public',
  'GET /enterprise/inspections': 'public',
  'GET /enterprise/sign': 'public',
  'GET /enterprise/inspections/{id}/record': 'public',
  'POST /enterprise/inspections/{id}/receipt': 'public',
  'POST /enterprise/inspections/{id}/complaints': 'public',
  'POST /enterprise/inspections/{id}/rating': 'public',
  'GET /hall/groups': 'public',
  'GET /hall/groups/{id}/slots': 'public',
  'POST /hall/booking-codes': 'public',
  'POST /hall/appointments': 'public',
  'GET /hall/appointments/mine': 'hallPolicy.listOwn',
  'GET /hall/appointments/{token}': 'public',
  'POST /hall/appointments/{token}/cancel': 'public',
  'POST /hall/appointments/{token}/reschedule': 'public',
  'GET /hall/tickets/status/{token}': 'public',
  'GET /hall/display': 'public',
  'GET /hall/cases/{id}/visits': 'hallPolicy.readVisits',
  'POST /hall/tickets': 'hallPolicy.issueTicket',
  'POST /hall/tickets/check-in': 'hallPolicy.issueTicket',
  'GET /hall/tickets': 'hallPolicy.readHall',
  'GET /hall/tickets/served': 'hallPolicy.findServed',
  'GET /hall/panel': 'hallPolicy.readHall',
  'POST /hall/windows/sit': 'hallPolicy.sit',
  'POST /hall/windows/mine/call-next': 'hallPolicy.call',
  'POST /hall/windows/mine/recall': 'hallPolicy.call',
  'POST /hall/windows/mine/absent': 'hallPolicy.call',
  'POST /hall/windows/mine/transfer': 'hallPolicy.call',
  'POST /hall/windows/mine/finish': 'hallPolicy.call',
  'PUT /admin/hall/groups/{code}': 'hallPolicy.configure',
  'PUT /admin/hall/windows/{code}': 'hallPolicy.configure',
  'POST /admin/hall/no-shows': 'hallPolicy.sweep',
  'POST /complaints': 'complaintPolicy.submit',
  'GET /complaints/track/{ticketNo}': 'public',
  'GET /complaints/categories': 'public',
  'PUT /complaints/categories/{code}': 'complaintPolicy.manageCategories',
  'GET /complaints/stats': 'public',
  'GET /complaints/workbench': 'complaintPolicy.workbench',
  'GET /complaints/department': 'complaintPolicy.departmentList',
  'GET /complaints/supervision': 'complaintPolicy.supervisorView',
  'GET /complaints/{id}': 'complaintPolicy.read',
  'GET /complaints/{id}/duplicates': 'complaintPolicy.workbench',
  'GET /complaints/{id}/fee-context': 'complaintPolicy.feeContext',
  'GET /complaints/{id}/attachments/{attachmentId}': 'complaintPolicy.read',
  'POST /complaints/{id}/accept': 'complaintPolicy.act:accept',
  'POST /complaints/{id}/refuse': 'complaintPolicy.act:refuse',
  'POST /complaints/{id}/dispatch': 'complaintPolicy.act:dispatch',
  'POST /complaints/{id}/return': 'complaintPolicy.act:return',
  'POST /complaints/{id}/decide-return': 'complaintPolicy.act:decide_return',
  'POST /complaints/{id}/reassign': 'complaintPolicy.act:reassign',
  'POST /complaints/{id}/reply': 'complaintPolicy.act:reply',
  'POST /complaints/{id}/close': 'complaintPolicy.act:close',
  'POST /complaints/{id}/callback': 'complaintPolicy.act:callback',
  'POST /complaints/{id}/merge': 'complaintPolicy.act:merge',
  'POST /complaints/{id}/rate': 'complaintPolicy.act:rate',
  'POST /complaints/{id}/reopen': 'complaintPolicy.act:reopen',
  'POST /open311/keys': 'complaintPolicy.issueOpen311Key',
  // Open311 GeoReport v2 lives beside the API, not under /api/v1: public reads, and posting with an
  // administrator-issued api_key rather than a session.
  'GET /open311/v2/services.json': 'public',
  'GET /open311/v2/services.xml': 'public',
  'GET /open311/v2/services/{code}.json': 'public',
  'GET /open311/v2/services/{code}.xml': 'public',
  'GET /open311/v2/requests.json': 'public',
  'GET /open311/v2/requests.xml': 'public',
  'POST /open311/v2/requests.json': 'public',
  'POST /open311/v2/requests.xml': 'public',
  'GET /open311/v2/requests/{id}.json': 'public',
  'GET /open311/v2/requests/{id}.xml': 'public',
  'GET /open311/v2/tokens/{token}.json': 'public',
  'GET /open311/v2/tokens/{token}.xml': 'public',
  // Period commitments (部门承诺): published to the public; heads publish, supervisors judge.
  'GET /public/departments/{id}/commitments': 'public',
  'GET /commitments': 'commitmentPolicy.list',
  'POST /commitments': 'commitmentPolicy.publish',
  'GET /commitments/{id}': 'public',
  'POST /commitments/{id}/milestones/{seq}/done': 'commitmentPolicy.record',
  'POST /commitments/{id}/evidence': 'commitmentPolicy.record',
  'GET /commitments/{id}/evidence/{evidenceId}': 'public',
  'POST /commitments/{id}/judgement': 'commitmentPolicy.judge',
  'POST /commitments/{id}/explanation': 'commitmentPolicy.explain',
  // Self-inspection campaigns (自查自纠): supervisors run them, departments file and rectify.
  'GET /public/self-inspection': 'public',
  'GET /self-inspection/campaigns': 'selfInspectionPolicy.list',
  'POST /self-inspection/campaigns': 'selfInspectionPolicy.supervise',
  'GET /self-inspection/campaigns/{id}': 'selfInspectionPolicy.list',
  'POST /self-inspection/campaigns/{id}/spot-checks': 'selfInspectionPolicy.supervise',
  'POST /self-inspection/campaigns/{id}/summary': 'selfInspectionPolicy.supervise',
  'POST /self-inspection/reports/{id}/filing': 'selfInspectionPolicy.file',
  'POST /self-inspection/reports/{id}/review': 'selfInspectionPolicy.supervise',
  'POST /self-inspection/reports/{id}/problems': 'selfInspectionPolicy.supervise',
  'POST /self-inspection/problems/{id}/rectification': 'selfInspectionPolicy.file',
  'GET /self-inspection/problems/{id}/evidence': 'selfInspectionPolicy.read',
  // The periodic review of fees (清理收费): the price and finance authority (admin) decides.
  'GET /public/fee-changes': 'public',
  'GET /public/fee-catalogue/versions': 'public',
  'GET /fee-review/rounds': 'feeReviewPolicy.list',
  'POST /fee-review/rounds': 'feeReviewPolicy.manage',
  'GET /fee-review/rounds/{id}': 'feeReviewPolicy.list',
  'POST /fee-review/lines/{id}/proposal': 'feeReviewPolicy.propose',
  'POST /fee-review/lines/{id}/decision': 'feeReviewPolicy.manage',
  'POST /fee-review/apply': 'feeReviewPolicy.manage',
  // Staff learning (职业教育): administrators keep the library, every staff member studies.
  'GET /learning/materials': 'learningPolicy.study',
  'POST /learning/materials': 'learningPolicy.manage',
  'GET /learning/materials/{id}': 'learningPolicy.study',
  'POST /learning/materials/{id}/versions': 'learningPolicy.manage',
  'POST /learning/materials/{id}/pdf': 'learningPolicy.manage',
  'GET /learning/materials/{id}/pdf': 'learningPolicy.study',
  'GET /learning/materials/{id}/questions': 'learningPolicy.manage',
  'POST /learning/materials/{id}/questions': 'learningPolicy.manage',
  'POST /learning/materials/{id}/study': 'learningPolicy.study',
  'POST /learning/materials/{id}/attempts': 'learningPolicy.study',
  'POST /learning/attempts/{id}/answers': 'learningPolicy.study',
  'GET /learning/assignments': 'learningPolicy.manage',
  'POST /learning/assignments': 'learningPolicy.manage',
  'GET /learning/my-assignments': 'learningPolicy.study',
  'GET /learning/progress': 'learningPolicy.progress',
  // The public dashboard (服务承诺, 效能公开) and the open data: anyone, no login.
  'GET /items/{id}/actuals': 'public',
  'GET /public/dashboard': 'public',
  'GET /public/open-data': 'public',
  'GET /public/open-data/{file}': 'public',
  // Disclosure (政务公开): public reading; administrators keep the library and the villages, the
  // village's department (or an administrator) publishes its statements.
  'GET /disclosure/documents': 'public',
  'POST /disclosure/documents': 'disclosurePolicy.manageDocuments',
  'GET /disclosure/documents/{id}': 'public',
  'POST /disclosure/documents/{id}/repeal': 'disclosurePolicy.manageDocuments',
  'POST /disclosure/documents/{id}/interpretation': 'disclosurePolicy.manageDocuments',
  'POST /disclosure/item-links': 'disclosurePolicy.manageDocuments',
  'DELETE /disclosure/item-links/{id}': 'disclosurePolicy.manageDocuments',
  'GET /disclosure/items/{code}/documents': 'public',
  'GET /disclosure/villages': 'public',
  'POST /disclosure/villages': 'disclosurePolicy.manageVillages',
  'GET /disclosure/villages/{id}': 'public',
  'POST /disclosure/villages/{id}/cadence': 'disclosurePolicy.manageVillages',
  'POST /disclosure/villages/{id}/statements': 'disclosurePolicy.publishStatement',
  'GET /disclosure/statements/{id}': 'public',
  'POST /disclosure/statements/{id}/files': 'disclosurePolicy.publishStatement',
  'GET /disclosure/statements/{id}/files/{fileId}': 'public',
  // The applicant's account: forgotten passwords (public, answers alike for every account), the profile.
  'POST /auth/password-reset': 'public',
  'POST /auth/password-reset/confirm': 'public',
  'GET /me/profile': 'identityPolicy.keepProfile',
  'PUT /me/profile': 'identityPolicy.keepProfile',
  // A material's blank form and sample: uploaded by those who draft items, public with the guide.
  'POST /admin/material-files': 'cataloguePolicy.draftItem',
  'GET /items/{id}/material-files/{fileId}': 'public',
  // The hall's devices (a bound token each) and settings; a device reads its own binding.
  'GET /admin/hall/devices': 'hallPolicy.manageDevices',
  'POST /admin/hall/devices': 'hallPolicy.manageDevices',
  'POST /admin/hall/devices/{id}/revoke': 'hallPolicy.manageDevices',
  'GET /hall/device': 'hallPolicy.readOwnDevice',
  'GET /admin/hall/settings': 'hallPolicy.configure',
  'PUT /admin/hall/settings': 'hallPolicy.configure',
  'GET /ratings/on-site/pending': 'ratingPolicy.rateOnSite',
  // Performance assessment (效能考核): supervisors, administrators and heads see the results; a head
  // traces and comments on their own; supervisors and administrators finalise; administrators grade.
  'GET /assessment': 'assessmentPolicy.view',
  'GET /assessment/trace': 'assessmentPolicy.trace',
  'GET /assessment/breakdown': 'assessmentPolicy.trace',
  'GET /assessment/schemes': 'assessmentPolicy.view',
  'POST /assessment/schemes': 'assessmentPolicy.scheme',
  'POST /assessment/results/{departmentId}/comment': 'assessmentPolicy.comment',
  'POST /assessment/results/{departmentId}/finalise': 'assessmentPolicy.finalise',
  'GET /assessment/export': 'assessmentPolicy.view',
  'GET /assessment/results/{departmentId}/report.pdf': 'assessmentPolicy.trace',
};

const PREFIX = '/api/v1';

/** The declaration of a route by method and OpenAPI path (/api/v1/cases/{id}), if it has one. */
export const routeRule = (method: string, openApiPath: string): RouteRule | undefined =>
  ROUTE_POLICIES[
    `${method} ${openApiPath.startsWith(PREFIX) ? openApiPath.slice(PREFIX.length) : openApiPath}`
  ];

/**
 * The roles a route's rules can ever admit (every role for a public route); with `always`, those
 * they admit whatever the resource.
 */
export function rolesAdmittedByRoute(rule: RouteRule, always = false): AnyRole[] {
  if (rule === 'public') return [...ALL_ROLES];
  if (typeof rule === 'object' && !Array.isArray(rule))
    return rule.all
      .map((name) => rolesAdmittedByRule(name, always))
      .reduce((acc, roles) => acc.filter((r) => roles.includes(r)));
  const admitted = new Set(
    (Array.isArray(rule) ? rule : [rule]).flatMap((n) => rolesAdmittedByRule(n, always)),
  );
  return ALL_ROLES.filter((r) => admitted.has(r));
}

function rolesAdmittedByRule(name: RuleName, always: boolean): AnyRole[] {
  const [key = '', action] = name.split(':') as [string, string | undefined];
  const [policy = '', ruleKey = ''] = key.split('.');
  const r = (POLICIES as unknown as Record<string, Record<string, Rule<never>>>)[policy]?.[ruleKey];
  if (!r) throw new Error(`no such policy rule: ${name}`);
  return rolesAdmittedBy(r, action, always);
}

/** Writes each route's declared rule into its OpenAPI operation as `x-policy`. */
export function publishRoutePolicies(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const rule = routeRule(String(methods[0]), path);
    if (rule && route.schema) (route.schema as Record<string, unknown>)['x-policy'] = rule;
  });
}
