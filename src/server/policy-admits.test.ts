import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rolesAdmittedBy } from './policy-admits.js';
import { rolesAdmittedByRoute, ROUTE_POLICIES } from './route-policies.js';
import { casePolicy } from '../modules/cases/policy.js';
import { feePolicy } from '../modules/fees/policy.js';
import { clockPolicy } from '../modules/clock/policy.js';
import { identityPolicy } from '../modules/identity/policy.js';

test('the roles a rule can ever admit are read from the rule, resource shapes included', () => {
  assert.deepEqual(rolesAdmittedBy(casePolicy.worklist), ['reviewer', 'head']);
  assert.deepEqual(rolesAdmittedBy(casePolicy.act, 'approve_extension'), ['head']);
  assert.deepEqual(rolesAdmittedBy(casePolicy.act, 'withdraw'), ['applicant', 'clerk']);
  assert.deepEqual(rolesAdmittedBy(casePolicy.read), [
    'applicant',
    'clerk',
    'reviewer',
    'head',
    'supervisor',
    'admin',
  ]);
  // A file's uploader may read it whatever their role: the rule asks who owns it, not who they are.
  assert.deepEqual(rolesAdmittedBy(casePolicy.readFile), [
    'applicant',
    'clerk',
    'reviewer',
    'head',
    'supervisor',
    'admin',
    'complaint_officer',
    'inspector',
  ]);
  assert.deepEqual(rolesAdmittedBy(feePolicy.requestRefund), ['applicant']);
  assert.deepEqual(rolesAdmittedBy(feePolicy.readReports), ['head', 'supervisor', 'admin']);
  assert.deepEqual(rolesAdmittedBy(clockPolicy.confirmCalendar), ['admin']);
  assert.deepEqual(rolesAdmittedBy(identityPolicy.createToken), [
    'clerk',
    'reviewer',
    'head',
    'supervisor',
    'admin',
    'complaint_officer',
    'inspector',
  ]);
});

test('with `always`, only the roles admitted whatever the resource', () => {
  assert.deepEqual(rolesAdmittedBy(feePolicy.issue, undefined, true), ['clerk', 'admin']);
  assert.deepEqual(rolesAdmittedBy(casePolicy.act, 'accept', true), []);
});

test('every declared route rule names a real rule', () => {
  for (const [route, rule] of Object.entries(ROUTE_POLICIES))
    assert.doesNotThrow(() => rolesAdmittedByRoute(rule), route);
});
