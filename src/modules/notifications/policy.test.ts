import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../shared/actor.js';
import { notificationPolicy } from './policy.js';

// The inbox rules as a matrix (the shared one in src/shared/policy-matrix.test.ts should take these rows).
const ROLES = ['anonymous', 'applicant', 'clerk', 'reviewer', 'head', 'supervisor', 'admin'] as const;
const actor = (role: (typeof ROLES)[number]): Actor => ({
  id: role === 'anonymous' ? null : `u-${role}`,
  role,
  departmentId: null,
  ip: null,
});

test("policy matrix: inbox.read and inbox.mark_read (own message, then someone else's)", () => {
  ROLES.forEach((role, i) => {
    const a = actor(role);
    assert.equal(notificationPolicy.readInbox(a, undefined), '0111111'[i] === '1', `${role}: inbox.read`);
    assert.equal(
      notificationPolicy.markRead(a, a.id ?? 'nobody'),
      '0111111'[i] === '1',
      `${role}: mark own read`,
    );
    assert.equal(notificationPolicy.markRead(a, 'u-someone-else'), false, `${role}: mark another's read`);
  });
});
