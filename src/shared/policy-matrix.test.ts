import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './actor.js';
import { cataloguePolicy } from '../modules/catalogue/policy.js';
import { identityPolicy } from '../modules/identity/policy.js';
import { auditPolicy } from '../modules/audit/policy.js';

/**
 * The authorization matrix, written out by hand: role × relation to the resource's department ×
 * action. A change to any policy that is not also made here fails this test.
 */
const ROLES = ['anonymous', 'applicant', 'clerk', 'reviewer', 'head', 'supervisor', 'admin'] as const;
const DEPT = 'dept-own';
const actor = (role: (typeof ROLES)[number], dept: string | null): Actor => ({ id: role === 'anonymous' ? null : `u-${role}`, role, departmentId: dept, ip: null });

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
  ['token.create', (a) => identityPolicy.createToken(a, a.departmentId === DEPT ? (a.id as string) : 'someone-else'), '0011111', '0000001'],
  ['token.revoke', (a) => identityPolicy.revokeToken(a, a.departmentId === DEPT ? (a.id as string) : 'someone-else'), '0111111', '0000001'],
];

for (const [action, check, own, other] of MATRIX) {
  test(`policy matrix: ${action}`, () => {
    ROLES.forEach((role, i) => {
      assert.equal(check(actor(role, DEPT)), own[i] === '1', `${role} in own department: ${action}`);
      assert.equal(check(actor(role, 'dept-other')), other[i] === '1', `${role} in other department: ${action}`);
    });
  });
}
