import type { Actor, Role } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';
import type { LetterAction } from './letter-machine.js';

/** A letter as authorization sees it: the department it is assigned to (none before assignment). */
export interface LetterParties {
  departmentId: string | null;
}

/**
 * Who may take each action (letter-machine.ts says from which states): the registry at the window
 * registers, scans in and assigns; the assigned department's reviewers and head answer and ask for
 * more time; only its head grants it.
 */
export const LETTER_ACTION_ROLES: Record<LetterAction, readonly Role[]> = {
  attach_original: ['clerk'],
  assign: ['clerk'],
  reassign: ['clerk'],
  request_extension: ['reviewer', 'head'],
  decide_extension: ['head'],
  answer: ['reviewer', 'head'],
};

const ofDepartment = (a: Actor, l: LetterParties) =>
  isRole(a, 'reviewer', 'head') && a.departmentId !== null && a.departmentId === l.departmentId;

function mayAct(a: Actor, r: { action: LetterAction; letter: LetterParties }): boolean {
  if (!LETTER_ACTION_ROLES[r.action].includes(a.role as Role)) return false;
  return isRole(a, 'reviewer', 'head') ? ofDepartment(a, r.letter) : true;
}

export const letterPolicy = {
  /** Registering an incoming letter: the window's registry. */
  register: ((a) => isRole(a, 'clerk')) as Rule,
  /** A letter: the registry and supervisors see all; a department the letters assigned to it. */
  read: ((a, l: LetterParties) =>
    isRole(a, 'clerk', 'supervisor', 'admin') || ofDepartment(a, l)) as Rule<LetterParties>,
  /**
   * The sender's ID number, phone and address and the scanned original: those who register the
   * letter and those who must reply to it. Supervisors judge the timeliness, not the sender.
   */
  readSender: ((a, l: LetterParties) => isRole(a, 'clerk') || ofDepartment(a, l)) as Rule<LetterParties>,
  /** The registry list: everyone who reads letters (department staff see their own department's). */
  list: ((a) =>
    isRole(a, 'clerk', 'supervisor', 'admin') ||
    (isRole(a, 'reviewer', 'head') && a.departmentId !== null)) as Rule,
  /** The letters a department must answer: its reviewers and head. */
  worklist: ((a) => isRole(a, 'reviewer', 'head') && a.departmentId !== null) as Rule,
  /** Every overdue letter, across departments: supervisors and administrators. */
  overdue: ((a) => isRole(a, 'supervisor', 'admin')) as Rule,
  act: mayAct as Rule<{ action: LetterAction; letter: LetterParties }>,
} as const;
