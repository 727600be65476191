import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../shared/actor.js';
import type { AppError } from '../../server/errors.js';
import {
  allowedActions,
  assertCanAct,
  CASE_ACTIONS,
  type CaseAction,
  type CaseState,
} from './case-machine.js';

const DEPT = 'dept-a';
const mk = (role: Actor['role'], id: string | null, dept: string | null = null): Actor => ({
  id,
  role,
  departmentId: dept,
  ip: null,
});
const access = (state: CaseState) => ({ state, applicantUserId: 'owner', departmentIds: [DEPT] });

/**
 * The case state machine as a matrix: for each state, who may take which action. Written out by
 * hand, so a change to the machine that is not also made here fails.
 */
const EXPECTED: Record<string, Partial<Record<CaseState, CaseAction[]>>> = {
  owner: {
    draft: ['submit', 'edit_draft', 'withdraw'],
    received: ['withdraw'],
    awaiting_supplement: ['supplement', 'withdraw'],
    under_review: ['provide_deferred', 'withdraw'],
    decided: [],
    completed: [],
  },
  otherApplicant: { draft: [], received: [], under_review: [] },
  clerk: {
    draft: ['submit', 'edit_draft', 'withdraw'],
    received: ['request_supplement', 'accept', 'accept_with_shortfall', 'refuse_intake', 'withdraw'],
    awaiting_supplement: ['supplement', 'withdraw'],
    under_review: ['provide_deferred', 'withdraw'],
    decided: ['deliver'],
    completed: [],
    not_accepted: [],
    withdrawn: [],
  },
  reviewerOwnDept: {
    received: [],
    under_review: [
      'record_opinion',
      'record_site_verification',
      'start_special_procedure',
      'end_special_procedure',
      'request_extension',
      'decide_task',
    ],
    decided: [],
  },
  headOwnDept: {
    under_review: [
      'record_opinion',
      'record_site_verification',
      'start_special_procedure',
      'end_special_procedure',
      'request_extension',
      'approve_extension',
      'decide_task',
    ],
  },
  reviewerOtherDept: { under_review: [] },
  supervisor: { received: [], under_review: [], decided: [] },
  anonymous: { received: [], under_review: [] },
  system: { received: ['accept'], under_review: [] },
};

const actors: Record<string, Actor> = {
  owner: mk('applicant', 'owner'),
  otherApplicant: mk('applicant', 'stranger'),
  clerk: mk('clerk', 'c1', 'dept-z'),
  reviewerOwnDept: mk('reviewer', 'r1', DEPT),
  headOwnDept: mk('head', 'h1', DEPT),
  reviewerOtherDept: mk('reviewer', 'r2', 'dept-b'),
  supervisor: mk('supervisor', 's1'),
  anonymous: mk('anonymous', null),
  system: mk('system', null),
};

for (const [who, states] of Object.entries(EXPECTED)) {
  test(`case machine: ${who}`, () => {
    for (const [state, expected] of Object.entries(states)) {
      assert.deepEqual(
        allowedActions(actors[who]!, access(state as CaseState)).sort(),
        [...expected!].sort(),
        `${who} in ${state}`,
      );
    }
  });
}

test('an illegal action names the allowed ones (409); a stranger gets 403, a visitor 401', () => {
  assert.throws(
    () => assertCanAct(actors.clerk!, 'deliver', access('received')),
    (e: AppError) => e.code === 'invalid_state' && !!e.extra.allowedActions?.includes('accept'),
  );
  assert.throws(
    () => assertCanAct(actors.otherApplicant!, 'withdraw', access('received')),
    (e: AppError) => e.code === 'forbidden',
  );
  assert.throws(
    () => assertCanAct(actors.anonymous!, 'withdraw', access('received')),
    (e: AppError) => e.code === 'unauthenticated',
  );
  assert.ok(Object.keys(CASE_ACTIONS).length >= 17);
});
