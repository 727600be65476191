import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './actor.js';
import type { Rule } from './policy.js';
import { cataloguePolicy } from '../modules/catalogue/policy.js';
import { identityPolicy } from '../modules/identity/policy.js';
import { auditPolicy } from '../modules/audit/policy.js';
import { feePolicy } from '../modules/fees/policy.js';
import { clockPolicy } from '../modules/clock/policy.js';
import { supervisionPolicy } from '../modules/supervision/policy.js';
import { notificationPolicy } from '../modules/notifications/policy.js';
import { casePolicy } from '../modules/cases/policy.js';
import { CASE_ACTIONS, type CaseAction } from '../modules/cases/case-machine.js';
import { POLICIES } from '../server/policies.js';
import { hallPolicy } from '../modules/hall/policy.js';
import { commitmentPolicy } from '../modules/commitments/policy.js';
import { selfInspectionPolicy } from '../modules/self-inspection/policy.js';
import { feeReviewPolicy } from '../modules/fee-review/policy.js';
import { learningPolicy } from '../modules/learning/policy.js';
import { ratingPolicy } from '../modules/ratings/policy.js';
import { appraisalPolicy } from '../modules/appraisal/policy.js';
import { assessmentPolicy } from '../modules/assessment/policy.js';
import { letterPolicy } from '../modules/letters/policy.js';
import { LETTER_ACTIONS, type LetterAction } from '../modules/letters/letter-machine.js';
import {
  complaintPolicy,
  COMPLAINT_ACTION_PARTY,
  type ComplaintAction,
} from '../modules/complaints/policy.js';
import { inspectionPolicy } from '../modules/inspections/policy.js';
import { disclosurePolicy } from '../modules/disclosure/policy.js';

/**
 * The authorization matrix, written out by hand: role × relation to the resource × action. A change
 * to any policy that is not also made here fails this test, and so does a rule with no row.
 */
const ROLES = ['anonymous', 'applicant', 'clerk', 'reviewer', 'head', 'supervisor', 'admin'] as const;
const DEPT = 'dept-own';
const actor = (role: (typeof ROLES)[number], dept: string | null): Actor => ({
  id: role === 'anonymous' ? null : `u-${role}`,
  role,
  departmentId: dept,
  ip: null,
});

type Row = [action: string, check: (a: Actor) => boolean, own: string, other: string];
const covered = new Set<unknown>();
/** A rule under test: the check calls it with the resource made for the actor ("own" or "other"). */
function rule<R>(r: Rule<R>, resource: (a: Actor) => R): (a: Actor) => boolean {
  covered.add(r);
  return (a) => r(a, resource(a));
}
const none = () => undefined;
const own = (a: Actor) => a.departmentId === DEPT;
const parties = (a: Actor) => ({
  applicantUserId: own(a) ? a.id : 'someone-else',
  departmentIds: own(a) ? [DEPT] : ['dept-x'],
});
// Each string lists, in ROLES order, 1 for allowed and 0 for refused: own department, then another department.
const MATRIX: Row[] = [
  ['department.write', rule(cataloguePolicy.writeDepartment, none), '0000001', '0000001'],
  ['fee.write', rule(cataloguePolicy.writeFee, none), '0000001', '0000001'],
  ['synonyms.write', rule(cataloguePolicy.writeSynonyms, none), '0000001', '0000001'],
  ['bundle.write', rule(cataloguePolicy.writeBundle, none), '0000001', '0000001'],
  ['item.draft', rule(cataloguePolicy.draftItem, () => DEPT), '0000101', '0000001'],
  ['item.publish', rule(cataloguePolicy.publishItem, none), '0000001', '0000001'],
  ['item.withdraw', rule(cataloguePolicy.withdrawItem, none), '0000001', '0000001'],
  ['item.read_drafts', rule(cataloguePolicy.readDrafts, () => DEPT), '0011111', '0000011'],
  ['catalogue.import', rule(cataloguePolicy.importCatalogue, none), '0000001', '0000001'],
  ['catalogue.export', rule(cataloguePolicy.exportCatalogue, none), '0000011', '0000011'],
  ['user.manage', rule(identityPolicy.manageUsers, none), '0000001', '0000001'],
  ['audit.read', rule(auditPolicy.read, none), '0000011', '0000011'],
  // Tokens: "own" = the token's owner is the actor, "other" = someone else's.
  [
    'token.create',
    rule(identityPolicy.createToken, (a) => (own(a) ? (a.id as string) : 'someone-else')),
    '0011111',
    '0000001',
  ],
  [
    'token.revoke',
    rule(identityPolicy.revokeToken, (a) => (own(a) ? (a.id as string) : 'someone-else')),
    '0111111',
    '0000001',
  ],
  // Fees: the resource is the collecting department of the form (reports: the department asked about).
  ['fee_form.issue', rule(feePolicy.issue, () => DEPT), '0010101', '0010001'],
  ['fee.waive', rule(feePolicy.waive, () => DEPT), '0000101', '0000001'],
  ['fee_form.cancel', rule(feePolicy.cancel, () => DEPT), '0010101', '0010001'],
  ['fee.collect_at_counter', rule(feePolicy.collectAtCounter, none), '0010000', '0010000'],
  ['receipt.request_void', rule(feePolicy.requestVoid, () => DEPT), '0010100', '0010000'],
  ['receipt.approve_void', rule(feePolicy.approveVoid, none), '0000010', '0000010'],
  ['refund.raise_or_file', rule(feePolicy.fileRefund, () => DEPT), '0010101', '0010001'],
  ['refund.review', rule(feePolicy.reviewRefund, () => DEPT), '0000101', '0000001'],
  ['refund.approve', rule(feePolicy.approveRefund, none), '0000001', '0000001'],
  ['refund.pay', rule(feePolicy.payRefund, none), '0000001', '0000001'],
  ['refund.list', rule(feePolicy.readRefunds, () => DEPT), '0010111', '0010011'],
  ['fee.remit', rule(feePolicy.remit, none), '0000001', '0000001'],
  ['fee.reconcile', rule(feePolicy.reconcile, none), '0000001', '0000001'],
  ['fee.report', rule(feePolicy.readReports, () => DEPT), '0000111', '0000011'],
  ['fee.report_all_departments', rule(feePolicy.readReports, () => null), '0000011', '0000011'],
  ['fee.ledger_check', rule(feePolicy.checkLedger, none), '0000011', '0000011'],
  ['fee.item_settings', rule(feePolicy.itemSettings, none), '0000001', '0000001'],
  ['calendar.propose', rule(clockPolicy.proposeCalendar, none), '0000001', '0000001'],
  // Confirming: "own" = the actor proposed it (refused: four eyes), "other" = someone else did.
  [
    'calendar.confirm',
    rule(clockPolicy.confirmCalendar, (a) => (own(a) ? a.id : 'another-admin')),
    '0000000',
    '0000001',
  ],
  ['clock.read', rule(clockPolicy.readClock, () => DEPT), '0011111', '0000011'],
  ['test_clock.move', rule(clockPolicy.moveTestClock, none), '0000001', '0000001'],
  ['supervision.read_all', rule(supervisionPolicy.readAll, none), '0000011', '0000011'],
  ['supervision.read_department', rule(supervisionPolicy.readDepartment, () => DEPT), '0011111', '0000011'],
  ['supervision_order.answer', rule(supervisionPolicy.answerOrder, () => DEPT), '0000100', '0000000'],
  ['supervision_order.close', rule(supervisionPolicy.closeOrder, none), '0000010', '0000010'],
  ['supervision.threshold', rule(supervisionPolicy.setThreshold, none), '0000001', '0000001'],
  ['clock.read_proposals', rule(clockPolicy.readProposals, none), '0000011', '0000011'],
  ['staff.list', rule(identityPolicy.listColleagues, none), '0011111', '0011111'],
  ['item.list_all', rule(cataloguePolicy.listAllItems, none), '0011111', '0011111'],
  ['supervision.read_lists', rule(supervisionPolicy.readLists, none), '0011111', '0011111'],
  // Refunds the payer asks for: "own" = the applicant of the form's case.
  [
    'refund.request',
    rule(feePolicy.requestRefund, (a) => (own(a) ? a.id : 'someone-else')),
    '0100000',
    '0000000',
  ],
  // The inbox: "own" = the actor's own message.
  ['inbox.read', rule(notificationPolicy.readInbox, none), '0111111', '0111111'],
  [
    'inbox.mark_read',
    rule(notificationPolicy.markRead, (a) => (own(a) ? (a.id ?? 'nobody') : 'u-someone-else')),
    '0111111',
    '0000000',
  ],
  // A case: "own" = the applicant's own case / a department with a task on it; "other" = neither.
  ['case.read', rule(casePolicy.read, parties), '0111111', '0010011'],
  ['case.review_record', rule(casePolicy.readReviewRecord, parties), '0011111', '0010011'],
  [
    'case.materials',
    rule(casePolicy.readMaterials, (a) => ({ ...parties(a), createdBy: null })),
    '0111100',
    '0000000',
  ],
  // A file: "own" = the actor uploaded it (on no case yet); "other" = someone else's on a case as above.
  [
    'file.read',
    rule(casePolicy.readFile, (a) =>
      own(a)
        ? { ownerUserId: a.id, case: null }
        : { ownerUserId: 'someone-else', case: { ...parties(a), createdBy: null } },
    ),
    '0111111',
    '0000000',
  ],
  ['case.submit', rule(casePolicy.submit, none), '0110000', '0110000'],
  ['file.upload', rule(casePolicy.uploadFile, none), '0110000', '0110000'],
  ['case.list', rule(casePolicy.list, none), '0111111', '0111111'],
  ['worklist', rule(casePolicy.worklist, none), '0001100', '0001100'],
  // A task: "own" = a task of the actor's department.
  ['case.task', rule(casePolicy.actOnTask, (a) => (own(a) ? DEPT : 'dept-x')), '0001100', '0000000'],
  ['inquiry.handle', rule(casePolicy.handleInquiries, none), '0011100', '0011100'],
  // An inquiry: "own" = the actor owns it.
  [
    'inquiry.own',
    rule(casePolicy.ownInquiry, (a) => (own(a) ? (a.id ?? 'nobody') : 'someone-else')),
    '0111111',
    '0000000',
  ],
  ['inquiry.list', rule(casePolicy.listInquiries, none), '0011111', '0011111'],
  // The case machine: who may take each action at all ("own" and "other" as for case.read).
  ...(
    [
      ['submit', '0110000', '0010000'],
      ['edit_draft', '0110000', '0010000'],
      ['request_supplement', '0010000', '0010000'],
      ['supplement', '0110000', '0010000'],
      ['accept', '0010000', '0010000'],
      ['accept_with_shortfall', '0010000', '0010000'],
      ['refuse_intake', '0010000', '0010000'],
      ['provide_deferred', '0110000', '0010000'],
      ['record_opinion', '0001100', '0000000'],
      ['record_site_verification', '0001100', '0000000'],
      ['start_special_procedure', '0001100', '0000000'],
      ['end_special_procedure', '0001100', '0000000'],
      ['request_extension', '0001100', '0000000'],
      ['approve_extension', '0000100', '0000000'],
      ['decide_task', '0001100', '0000000'],
      ['deliver', '0010000', '0010000'],
      ['withdraw', '0110000', '0010000'],
    ] satisfies [CaseAction, string, string][]
  ).map(([action, o, x]): Row => [
    `case.${action}`,
    rule(casePolicy.act, (a) => ({ action, case: parties(a) })),
    o,
    x,
  ]),
  // A letter: "own" = assigned to the actor's department; "other" = to another department.
  ['letter.register', rule(letterPolicy.register, none), '0010000', '0010000'],
  [
    'letter.read',
    rule(letterPolicy.read, (a) => ({ departmentId: own(a) ? DEPT : 'dept-x' })),
    '0011111',
    '0010011',
  ],
  [
    'letter.read_sender',
    rule(letterPolicy.readSender, (a) => ({ departmentId: own(a) ? DEPT : 'dept-x' })),
    '0011100',
    '0010000',
  ],
  ['letter.list', rule(letterPolicy.list, none), '0011111', '0011111'],
  ['letter.worklist', rule(letterPolicy.worklist, none), '0001100', '0001100'],
  ['letter.overdue', rule(letterPolicy.overdue, none), '0000011', '0000011'],
  ...(
    [
      ['attach_original', '0010000', '0010000'],
      ['assign', '0010000', '0010000'],
      ['reassign', '0010000', '0010000'],
      ['request_extension', '0001100', '0000000'],
      ['decide_extension', '0000100', '0000000'],
      ['answer', '0001100', '0000000'],
    ] satisfies [LetterAction, string, string][]
  ).map(([action, o, x]): Row => [
    `letter.${action}`,
    rule(letterPolicy.act, (a) => ({ action, letter: { departmentId: own(a) ? DEPT : 'dept-x' } })),
    o,
    x,
  ]),
  // The hall: "own" = the window the actor sits at / the case the actor applied for; "other" = not.
  ['hall.book', rule(hallPolicy.book, none), '1111111', '1111111'],
  ['hall.list_own', rule(hallPolicy.listOwn, none), '0100000', '0100000'],
  ['hall.issue_ticket', rule(hallPolicy.issueTicket, none), '0010000', '0010000'],
  ['hall.read', rule(hallPolicy.readHall, none), '0010011', '0010011'],
  ['hall.sit', rule(hallPolicy.sit, none), '0010000', '0010000'],
  [
    'hall.call',
    rule(hallPolicy.call, (a) => ({ staffId: own(a) ? a.id : 'someone-else' })),
    '0010000',
    '0000000',
  ],
  ['hall.configure', rule(hallPolicy.configure, none), '0000001', '0000001'],
  [
    'hall.read_visits',
    rule(hallPolicy.readVisits, (a) => ({ applicantUserId: own(a) ? a.id : 'someone-else' })),
    '0111111',
    '0011111',
  ],
  ['hall.find_served', rule(hallPolicy.findServed, none), '0010011', '0010011'],
  ['hall.sweep', rule(hallPolicy.sweep, none), '0000001', '0000001'],
  ['profile.keep', rule(identityPolicy.keepProfile, none), '0100000', '0100000'],
];

for (const [action, check, own, other] of MATRIX) {
  test(`policy matrix: ${action}`, () => {
    ROLES.forEach((role, i) => {
      assert.equal(check(actor(role, DEPT)), own[i] === '1', `${role} in own department: ${action}`);
      assert.equal(
        check(actor(role, 'dept-other')),
        other[i] === '1',
        `${role} in other department: ${action}`,
      );
    });
  });
}

/** One test per row: each role, in the row's department and another, against the row's two strings. */
function matrixTests(rows: Row[], roles: readonly Actor['role'][]) {
  for (const [action, check, own, other] of rows)
    test(`policy matrix: ${action}`, () => {
      roles.forEach((role, i) => {
        const a = (dept: string) => ({
          ...actor('admin', dept),
          role,
          id: role === 'anonymous' ? null : `u-${role}`,
        });
        assert.equal(check(a(DEPT)), own[i] === '1', `${role} in own department: ${action}`);
        assert.equal(check(a('dept-other')), other[i] === '1', `${role} in other department: ${action}`);
      });
    });
}

// The reporting center adds a role; its rows list eight roles: ROLES, then complaint_officer.
const ROLES_WITH_CENTER = [...ROLES, 'complaint_officer'] as const;
/** A ticket: "own" = dispatched to the actor's department (or, where said, reported by the actor). */
const ticket = (a: Actor, over: { route?: 'department' | 'supervisors'; reporter?: boolean } = {}) => ({
  route: over.route ?? ('department' as const),
  assignedDepartmentId: own(a) ? DEPT : 'dept-x',
  reporterUserId: over.reporter && own(a) ? a.id : 'someone-else',
});
const PARTY_ROWS = {
  center: ['00000001', '00000001'],
  handler: ['00111000', '00000000'],
  reporter: ['01111111', '00000000'],
} as const;
const COMPLAINT_MATRIX: Row[] = [
  ['complaint.submit', rule(complaintPolicy.submit, none), '11111111', '11111111'],
  ['complaint.record_for_caller', rule(complaintPolicy.recordForCaller, none), '00100001', '00100001'],
  ['complaint.read', rule(complaintPolicy.read, (a) => ticket(a)), '00111101', '00000101'],
  [
    'complaint.read_as_reporter',
    rule(complaintPolicy.read, (a) => ({ ...ticket(a, { reporter: true }), assignedDepartmentId: 'dept-x' })),
    '01111111',
    '00000101',
  ],
  // A report about the department's leadership: never its own department, whatever the assignment says.
  [
    'complaint.read_leadership',
    rule(complaintPolicy.read, (a) => ticket(a, { route: 'supervisors' })),
    '00000101',
    '00000101',
  ],
  ['complaint.see_identity', rule(complaintPolicy.seeIdentity, none), '00000101', '00000101'],
  ['complaint.workbench', rule(complaintPolicy.workbench, none), '00000101', '00000101'],
  ['complaint.department_list', rule(complaintPolicy.departmentList, none), '00111000', '00111000'],
  ['complaint.supervisor_view', rule(complaintPolicy.supervisorView, none), '00000100', '00000100'],
  ['complaint.fee_context', rule(complaintPolicy.feeContext, none), '00000101', '00000101'],
  ['complaint_category.update', rule(complaintPolicy.manageCategories, none), '00000010', '00000010'],
  ['open311_key.issue', rule(complaintPolicy.issueOpen311Key, none), '00000010', '00000010'],
  // Each step by the party that takes it; the handler of a leadership report is the supervisors.
  ...(Object.keys(COMPLAINT_ACTION_PARTY) as ComplaintAction[]).map((action): Row => {
    const party = COMPLAINT_ACTION_PARTY[action];
    return [
      `complaint.${action}`,
      rule(complaintPolicy.act, (a) => ({ action, ticket: ticket(a, { reporter: party === 'reporter' }) })),
      ...PARTY_ROWS[party],
    ];
  }),
  [
    'complaint.reply_leadership',
    rule(complaintPolicy.act, (a) => ({
      action: 'reply' as const,
      ticket: ticket(a, { route: 'supervisors' }),
    })),
    '00000100',
    '00000100',
  ],
  [
    'complaint.rate_with_check_code',
    rule(complaintPolicy.act, (a) => ({
      action: 'rate' as const,
      ticket: { ...ticket(a), codeProved: true },
    })),
    '11111111',
    '11111111',
  ],
];

matrixTests(COMPLAINT_MATRIX, ROLES_WITH_CENTER);

// Enterprise inspections add the inspector (执法人员); its rows list nine roles: ROLES, complaint_officer, inspector.
const ROLES_WITH_INSPECTORS = [...ROLES_WITH_CENTER, 'inspector'] as const;
const inspectionOf = (a: Actor) => ({ departmentId: own(a) ? DEPT : 'dept-x' });
const INSPECTION_MATRIX: Row[] = [
  ['inspection.publish', rule(inspectionPolicy.publish, inspectionOf), '000010100', '000000100'],
  ['inspection.register', rule(inspectionPolicy.register, inspectionOf), '000010001', '000000000'],
  ['inspection.scan', rule(inspectionPolicy.scan, none), '000000001', '000000001'],
  ['inspection.act', rule(inspectionPolicy.act, inspectionOf), '000010001', '000000000'],
  ['inspection.read', rule(inspectionPolicy.read, inspectionOf), '000111101', '000001100'],
  ['inspection.list', rule(inspectionPolicy.list, none), '000111101', '000111101'],
  ['inspection.oversee', rule(inspectionPolicy.oversee, none), '000001100', '000001100'],
  ['inspection.enterprise', rule(inspectionPolicy.enterprise, none), '010000000', '010000000'],
];

matrixTests(INSPECTION_MATRIX, ROLES_WITH_INSPECTORS);

// The government's own conduct (commitments, self-inspection, fee review, learning): eight roles as
// above; "own" = the department of the commitment, report, fee line or progress asked about.
const ofDept = (a: Actor) => (own(a) ? DEPT : 'dept-x');
const CONDUCT_MATRIX: Row[] = [
  ['commitment.publish', rule(commitmentPolicy.publish, ofDept), '00001000', '00000000'],
  ['commitment.record', rule(commitmentPolicy.record, ofDept), '00011000', '00000000'],
  ['commitment.explain', rule(commitmentPolicy.explain, ofDept), '00001000', '00000000'],
  ['commitment.judge', rule(commitmentPolicy.judge, none), '00000100', '00000100'],
  ['commitment.list', rule(commitmentPolicy.list, none), '00111110', '00111110'],
  ['selfinspection.supervise', rule(selfInspectionPolicy.supervise, none), '00000100', '00000100'],
  ['selfinspection.file', rule(selfInspectionPolicy.file, ofDept), '00011000', '00000000'],
  ['selfinspection.list', rule(selfInspectionPolicy.list, none), '00111110', '00111110'],
  ['selfinspection.read', rule(selfInspectionPolicy.read, ofDept), '00111110', '00000110'],
  ['feereview.manage', rule(feeReviewPolicy.manage, none), '00000010', '00000010'],
  ['feereview.propose', rule(feeReviewPolicy.propose, ofDept), '00011000', '00000000'],
  ['feereview.list', rule(feeReviewPolicy.list, none), '00011110', '00011110'],
  ['learning.manage', rule(learningPolicy.manage, none), '00000010', '00000010'],
  ['learning.study', rule(learningPolicy.study, none), '00111111', '00111111'],
  ['learning.progress', rule(learningPolicy.progress, ofDept), '00001110', '00000110'],
];

matrixTests(CONDUCT_MATRIX, ROLES_WITH_CENTER);

/** Ratings and appraisal: "own" = a rating of (or a rectification in) the actor's department. Eight roles. */
const rated = (a: Actor) => ({ departmentId: own(a) ? DEPT : 'dept-x' });
const RATING_MATRIX: Row[] = [
  ['rating.rate_online', rule(ratingPolicy.rateOnline, none), '11000000', '11000000'],
  ['rating.rate_on_site', rule(ratingPolicy.rateOnSite, none), '00100000', '00100000'],
  ['rating.rate_by_phone', rule(ratingPolicy.recordByPhone, none), '00000101', '00000101'],
  ['rating.read', rule(ratingPolicy.read, rated), '00111111', '00000111'],
  ['rating.list', rule(ratingPolicy.list, none), '00111111', '00111111'],
  ['rating.read_rater', rule(ratingPolicy.readRater, none), '00000101', '00000101'],
  ['rating.rectify', rule(ratingPolicy.rectify, rated), '00011000', '00000000'],
  ['rating.call_back', rule(ratingPolicy.callBack, rated), '00000101', '00000101'],
  ['rating.appeal', rule(ratingPolicy.appeal, rated), '00001000', '00000000'],
  ['rating.decide_appeal', rule(ratingPolicy.decideAppeal, none), '00000100', '00000100'],
  ['appraisal.manage', rule(appraisalPolicy.manage, none), '00000010', '00000010'],
  ['appraisal.read_all', rule(appraisalPolicy.readAll, none), '00000110', '00000110'],
  [
    'appraisal.report_rectification',
    rule(appraisalPolicy.reportRectification, rated),
    '00001000',
    '00000000',
  ],
];

matrixTests(RATING_MATRIX, ROLES_WITH_CENTER);

/** Disclosure (政务公开): "own" = a village reporting to the actor's department. Eight roles. */
const DISCLOSURE_MATRIX: Row[] = [
  ['disclosure.manage_documents', rule(disclosurePolicy.manageDocuments, none), '00000010', '00000010'],
  ['disclosure.manage_villages', rule(disclosurePolicy.manageVillages, ofDept), '00101010', '00000010'],
  ['disclosure.publish_statement', rule(disclosurePolicy.publishStatement, ofDept), '00101010', '00000010'],
];

matrixTests(DISCLOSURE_MATRIX, ROLES_WITH_CENTER);

test('policy matrix: every rule of every policy has a row, and every case action', () => {
  for (const [name, policy] of Object.entries(POLICIES))
    for (const [key, r] of Object.entries(policy))
      assert.ok(covered.has(r), `${name}.${key} has no row in the policy matrix`);
  const actions = MATRIX.map(([action]) => action).filter((a) => a.startsWith('case.'));
  for (const action of Object.keys(CASE_ACTIONS)) assert.ok(actions.includes(`case.${action}`), action);
  const letterRows = MATRIX.map(([action]) => action);
  for (const action of Object.keys(LETTER_ACTIONS))
    assert.ok(letterRows.includes(`letter.${action}`), `letter.${action}`);
});

/**
 * The hall's devices: each acts by its bound token and may do its one job only. Columns: a clerk,
 * an administrator, a kiosk, a window's tablet, a screen, and a device token without a binding.
 */
const DEVICE_ACTORS: Actor[] = [
  actor('clerk', DEPT),
  actor('admin', null),
  ...(['kiosk', 'tablet', 'display'] as const).map((kind): Actor => ({
    id: `u-${kind}`,
    role: 'device',
    departmentId: null,
    ip: null,
    device: { deviceId: `d-${kind}`, kind, windowId: kind === 'tablet' ? 'w-1' : null, groupId: null },
  })),
  { id: 'u-unbound', role: 'device', departmentId: null, ip: null },
];
const DEVICE_MATRIX: [action: string, check: (a: Actor) => boolean, allowed: string][] = [
  ['device: hall.issue_ticket', rule(hallPolicy.issueTicket, none), '101000'],
  ['device: rating.rate_on_site', rule(ratingPolicy.rateOnSite, none), '100100'],
  ['device: hall.read_own_device', rule(hallPolicy.readOwnDevice, none), '001110'],
  ['device: hall.manage_devices', rule(hallPolicy.manageDevices, none), '010000'],
  ['device: hall.configure', rule(hallPolicy.configure, none), '010000'],
  ['device: hall.read', rule(hallPolicy.readHall, none), '110000'],
  ['device: hall.call', rule(hallPolicy.call, (a) => ({ staffId: a.id })), '100000'],
  ['device: hall.find_served', rule(hallPolicy.findServed, none), '110000'],
  ['device: rating.list', rule(ratingPolicy.list, none), '110000'],
  ['device: token.create (own)', rule(identityPolicy.createToken, (a) => a.id as string), '110000'],
  ['device: token.revoke (own)', rule(identityPolicy.revokeToken, (a) => a.id as string), '110000'],
];
for (const [action, check, allowed] of DEVICE_MATRIX)
  test(`policy matrix: ${action}`, () => {
    DEVICE_ACTORS.forEach((a, i) =>
      assert.equal(check(a), allowed[i] === '1', `${a.device?.kind ?? a.role}: ${action}`),
    );
  });

/** Performance assessment: "own" = the department whose figures or result are asked about. Eight roles. */
const assessed = (a: Actor) => (own(a) ? DEPT : 'dept-x');
const ASSESSMENT_MATRIX: Row[] = [
  ['assessment.view', rule(assessmentPolicy.view, none), '00001110', '00001110'],
  ['assessment.trace', rule(assessmentPolicy.trace, assessed), '00001110', '00000110'],
  ['assessment.comment', rule(assessmentPolicy.comment, assessed), '00001000', '00000000'],
  ['assessment.finalise', rule(assessmentPolicy.finalise, none), '00000110', '00000110'],
  ['assessment.scheme', rule(assessmentPolicy.scheme, none), '00000010', '00000010'],
];

matrixTests(ASSESSMENT_MATRIX, ROLES_WITH_CENTER);
