import type { Actor } from '../shared/actor.js';
import type { Rule } from '../shared/policy.js';
import { CASE_ACTIONS } from '../modules/cases/case-machine.js';

/** Every role a request can come as, the visitor first. */
export const ALL_ROLES = [
  'anonymous',
  'applicant',
  'clerk',
  'reviewer',
  'head',
  'supervisor',
  'admin',
  'complaint_officer',
  'inspector',
] as const;
export type AnyRole = (typeof ALL_ROLES)[number];

/**
 * The roles a rule can ever admit, read from the rule itself: each role is asked with every shape
 * of resource the policies take, made to favour the actor (their own department, their own id,
 * their own case, someone else's proposal). A role no such resource admits is never admitted. An
 * `action` narrows an `act` rule (cases', letters') to one action of its state machine. With `always`, only the roles
 * admitted without any resource: whatever the resource turns out to be.
 */
export function rolesAdmittedBy(rule: Rule<never>, action?: string, always = false): AnyRole[] {
  return ALL_ROLES.filter((role) => {
    const actor: Actor = {
      id: role === 'anonymous' ? null : `u-${role}`,
      role,
      departmentId: role === 'anonymous' ? null : 'dept-own',
      ip: null,
    };
    return (always ? [undefined] : favourableResources(actor, action)).some((resource) => {
      try {
        return (rule as Rule<unknown>)(actor, resource);
      } catch {
        return false; // a resource of another shape than the rule reads
      }
    });
  });
}

function favourableResources(a: Actor, action?: string): unknown[] {
  const parties = {
    applicantUserId: a.id,
    departmentIds: a.departmentId ? [a.departmentId] : [],
    createdBy: a.id,
    departmentId: a.departmentId,
    route: 'department',
    assignedDepartmentId: a.departmentId,
    reporterUserId: a.id,
  };
  const aboutLeaders = { ...parties, route: 'supervisors' };
  const actions = action ? [action] : Object.keys(CASE_ACTIONS);
  return [
    undefined,
    null,
    a.departmentId,
    a.id,
    'someone-else',
    parties,
    { ownerUserId: a.id, case: null },
    { ownerUserId: 'someone-else', case: parties },
    ...actions.flatMap((act) => [
      { action: act, case: parties, letter: parties, ticket: parties },
      { action: act, ticket: aboutLeaders },
    ]),
  ];
}
