import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './actor.js';
import { cataloguePolicy } from '../modules/catalogue/policy.js';
import { identityPolicy } from '../modules/identity/policy.js';
import { auditPolicy } from '../modules/audit/policy.js';
import { feePolicy } from '../modules/fees/policy.js';
import { clockPolicy } from '../modules/clock/policy.js';
import { supervisionPolicy } from '../modules/supervision/policy.js';
import { canReadCase, canReadMaterials } from '../modules/cases/policy.js';

/**
 * The authorization matrix, written out by hand: role × relation to the resource's department ×
 * action. A change to any policy that is not also made here fails this test.
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
// Each string lists, in ROLES order, 1 for allowed and 0 for refused: own department, then another department.
const MATRIX: Row[] = [
  ['department.write', (a) => cataloguePolicy.writeDepartment(a, undefined), '0000001', '0000001'],
  ['fee.write', (a) => cataloguePolicy.writeFee(a, undefined), '0000001', '0000001'],
  ['synonyms.write', (a) => cataloguePolicy.writeSynonyms(a, undefined), '0000001', '0000001'],
  ['item.draft', (a) => cataloguePolicy.draftItem(a, DEPT), '0000101', '0000001'],
  ['item.publish', (a) => cataloguePolicy.publishItem(a, undefined), '0000001', '0000001'],
  ['item.withdraw', (a) => cataloguePolicy.withdrawItem(a, undefined), '0000001', '0000001'],
  ['item.read_drafts', (a) => cataloguePolicy.readDrafts(a, DEPT), '0011111', '0000011'],
  ['catalogue.import', (a) => cataloguePolicy.importCatalogue(a, undefined), '0000001', '0000001'],
  ['catalogue.export', (a) => cataloguePolicy.exportCatalogue(a, undefined), '0000011', '0000011'],
  ['user.manage', (a) => identityPolicy.manageUsers(a, undefined), '0000001', '0000001'],
  ['audit.read', (a) => auditPolicy.read(a, undefined), '0000011', '0000011'],
  // Tokens: "own" = the token's owner is the actor, "other" = someone else's.
  [
    'token.create',
    (a) => identityPolicy.createToken(a, a.departmentId === DEPT ? (a.id as string) : 'someone-else'),
    '0011111',
    '0000001',
  ],
  [
    'token.revoke',
    (a) => identityPolicy.revokeToken(a, a.departmentId === DEPT ? (a.id as string) : 'someone-else'),
    '0111111',
    '0000001',
  ],
  // Fees: the resource is the collecting department of the form (reports: the department asked about).
  ['fee_form.issue', (a) => feePolicy.issue(a, DEPT), '0010101', '0010001'],
  ['fee.waive', (a) => feePolicy.waive(a, DEPT), '0000101', '0000001'],
  ['fee_form.cancel', (a) => feePolicy.cancel(a, DEPT), '0010101', '0010001'],
  ['fee.collect_at_counter', (a) => feePolicy.collectAtCounter(a, undefined), '0010000', '0010000'],
  ['receipt.request_void', (a) => feePolicy.requestVoid(a, DEPT), '0010100', '0010000'],
  ['receipt.approve_void', (a) => feePolicy.approveVoid(a, undefined), '0000010', '0000010'],
  ['refund.raise_or_file', (a) => feePolicy.fileRefund(a, DEPT), '0010101', '0010001'],
  ['refund.review', (a) => feePolicy.reviewRefund(a, DEPT), '0000101', '0000001'],
  ['refund.approve', (a) => feePolicy.approveRefund(a, undefined), '0000001', '0000001'],
  ['refund.pay', (a) => feePolicy.payRefund(a, undefined), '0000001', '0000001'],
  ['refund.list', (a) => feePolicy.readRefunds(a, DEPT), '0010111', '0010011'],
  ['fee.remit', (a) => feePolicy.remit(a, undefined), '0000001', '0000001'],
  ['fee.reconcile', (a) => feePolicy.reconcile(a, undefined), '0000001', '0000001'],
  ['fee.report', (a) => feePolicy.readReports(a, DEPT), '0000111', '0000011'],
  ['fee.report_all_departments', (a) => feePolicy.readReports(a, null), '0000011', '0000011'],
  ['fee.ledger_check', (a) => feePolicy.checkLedger(a, undefined), '0000011', '0000011'],
  ['fee.item_settings', (a) => feePolicy.itemSettings(a, undefined), '0000001', '0000001'],
  ['calendar.propose', (a) => clockPolicy.proposeCalendar(a, undefined), '0000001', '0000001'],
  // Confirming: "own" = the actor proposed it (refused: four eyes), "other" = someone else did.
  [
    'calendar.confirm',
    (a) => clockPolicy.confirmCalendar(a, a.departmentId === DEPT ? a.id : 'another-admin'),
    '0000000',
    '0000001',
  ],
  ['clock.read', (a) => clockPolicy.readClock(a, DEPT), '0011111', '0000011'],
  ['test_clock.move', (a) => clockPolicy.moveTestClock(a, undefined), '0000001', '0000001'],
  ['supervision.read_all', (a) => supervisionPolicy.readAll(a, undefined), '0000011', '0000011'],
  ['supervision.read_department', (a) => supervisionPolicy.readDepartment(a, DEPT), '0011111', '0000011'],
  ['supervision_order.answer', (a) => supervisionPolicy.answerOrder(a, DEPT), '0000100', '0000000'],
  ['supervision_order.close', (a) => supervisionPolicy.closeOrder(a, undefined), '0000010', '0000010'],
  ['supervision.threshold', (a) => supervisionPolicy.setThreshold(a, undefined), '0000001', '0000001'],
  // A case: "own" = the applicant's own case / a department with a task on it; "other" = neither.
  [
    'case.read',
    (a) =>
      canReadCase(a, {
        applicantUserId: a.departmentId === DEPT ? a.id : 'someone-else',
        departmentIds: a.departmentId === DEPT ? [DEPT] : ['dept-x'],
      }),
    '0111111',
    '0010011',
  ],
  [
    'case.materials',
    (a) =>
      canReadMaterials(a, {
        applicantUserId: a.departmentId === DEPT ? a.id : 'someone-else',
        departmentIds: a.departmentId === DEPT ? [DEPT] : ['dept-x'],
        createdBy: null,
      }),
    '0111100',
    '0000000',
  ],
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
