import type { Actor, DeviceKind } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

/** A registered device of this kind, acting through its bound token. */
export const isDevice = (a: Actor, kind?: DeviceKind): boolean =>
  a.role === 'device' && !!a.device && (!kind || a.device.kind === kind);

/** A window as authorization sees it: who sits at it now (null: nobody). */
export interface WindowSeat {
  staffId: string | null;
}

/** A case as the visit count sees it: its applicant's account. */
export interface CaseOwner {
  applicantUserId: string | null;
}

const STAFF = ['clerk', 'reviewer', 'head', 'supervisor', 'admin'] as const;

/**
 * The hall: anyone books and follows a ticket by its unguessable token; the front desk and the
 * registered kiosk issue tickets; a clerk calls only at the window they sit at; the windows
 * and groups are the administrator's.
 */
export const hallPolicy = {
  /** Booking an appointment for oneself: an applicant's account, or anyone with a one-time code. */
  book: (() => true) as Rule,
  /** An applicant's own appointments. */
  listOwn: ((a) => isRole(a, 'applicant')) as Rule,
  /** Issuing queue tickets: the front desk, and a registered kiosk (取号机) by its device token. */
  issueTicket: ((a) => isRole(a, 'clerk') || isDevice(a, 'kiosk')) as Rule,
  /** The queues, the windows, the day's tickets: the hall's staff and those who supervise them. */
  readHall: ((a) => isRole(a, 'clerk', 'supervisor', 'admin')) as Rule,
  /** Sitting down at a window (and leaving it): window staff. */
  sit: ((a) => isRole(a, 'clerk')) as Rule,
  /** Calling, recalling, marking absent, transferring, finishing: the clerk sitting at the window. */
  call: ((a, w: WindowSeat) => isRole(a, 'clerk') && a.id !== null && a.id === w.staffId) as Rule<WindowSeat>,
  /** Window groups and windows: administrators. */
  configure: ((a) => isRole(a, 'admin')) as Rule,
  /** The visits to a case: staff, and the case's applicant. */
  readVisits: ((a, c: CaseOwner) =>
    isRole(a, ...STAFF) ||
    (isRole(a, 'applicant') && a.id !== null && a.id === c.applicantUserId)) as Rule<CaseOwner>,
  /** A served ticket by its number (the rating tablet checks a rating against it): the hall's staff. */
  findServed: ((a) => isRole(a, 'clerk', 'supervisor', 'admin')) as Rule,
  /** A device reads what it is bound to (its window, its group); nothing else of the hall's. */
  readOwnDevice: ((a) => isDevice(a)) as Rule,
  /** Registering and revoking devices, the hall's settings: administrators. */
  manageDevices: ((a) => isRole(a, 'admin')) as Rule,
  /** Running the no-show pass by hand: administrators (the hall's own timer runs it as the system). */
  sweep: ((a) => isRole(a, 'admin')) as Rule,
} as const;
