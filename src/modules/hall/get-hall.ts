import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { localDate } from '../clock/local-time.js';
import { findCase } from '../cases/case-reads.js';
import { promisedVisits } from './finish-ticket.js';
import type { HallDeps } from './hall-deps.js';
import { groupIdsOf, notFound } from './hall-support.js';
import { hallPolicy } from './policy.js';
import { listGroupRows, listWindowRows } from './repository.js';
import {
  findTicket,
  findTicketByToken,
  latestEvents,
  nextWaiting,
  ticketsOfDay,
  visitsOfCase,
  waitingOf,
} from './repository-tickets.js';
import { ticketStatuses } from './ticket-status.js';
import { servedTicketByNumber } from './hall-reads.js';
import { presentAppointment } from './presenter.js';
import { findGroup, type AppointmentRow } from './repository.js';

/** The window groups, for booking, the kiosk and transfers. */
export async function listGroups(deps: HallDeps, actor: Actor) {
  authorize(actor, hallPolicy.book, undefined, 'hall.book');
  const groups = await listGroupRows(deps.db);
  const waiting = await waitingOf(
    deps.db,
    groups.map((g) => g.id),
  );
  return { groups, waiting };
}

/** An appointment as its holder sees it, with the token of its ticket once checked in. */
export async function appointmentView(deps: HallDeps, a: AppointmentRow) {
  const [g, t] = await Promise.all([
    findGroup(deps.db, a.group_id),
    a.ticket_id ? findTicket(deps.db, a.ticket_id) : undefined,
  ]);
  return presentAppointment(a, g, t?.token ?? null);
}

/** A ticket's place and estimated wait, by the token on the ticket (no account). */
export async function getTicketStatus(deps: HallDeps, actor: Actor, token: string) {
  authorize(actor, hallPolicy.book, undefined, 'hall.follow');
  const t = await findTicketByToken(deps.db, token);
  if (!t) throw notFound('hall_ticket', token.slice(0, 6) + '…');
  return { status: (await ticketStatuses(deps.db, [t]))[0]!, ticketId: t.id, groupId: t.group_id };
}

/** The hall's screens: the latest calls, and how many wait in each group. */
export async function getDisplay(deps: HallDeps, actor: Actor) {
  authorize(actor, hallPolicy.book, undefined, 'hall.display');
  const [groups, calls] = await Promise.all([
    listGroupRows(deps.db),
    latestEvents(deps.db, ['call', 'recall'], 12),
  ]);
  const waiting = await waitingOf(
    deps.db,
    groups.map((g) => g.id),
  );
  return { groups, calls, waiting };
}

/** The clerk's panel: the windows (theirs marked), the number being served, and their queue. */
export async function getWindowPanel(deps: HallDeps, actor: Actor) {
  authorize(actor, hallPolicy.readHall, undefined, 'hall.read');
  const [groups, windows] = await Promise.all([listGroupRows(deps.db), listWindowRows(deps.db)]);
  const mine = windows.find((w) => w.staff_id && w.staff_id === actor.id) ?? null;
  const current = mine?.current_ticket_id ? await findTicket(deps.db, mine.current_ticket_id) : undefined;
  const next = mine ? await nextWaiting(deps.db, groupIdsOf(mine), 10) : [];
  const waiting = await waitingOf(
    deps.db,
    groups.map((g) => g.id),
  );
  return { groups, windows, mine, current: current ?? null, next, waiting };
}

/** The day's tickets in the given states (the front desk's list). */
export async function listTickets(deps: HallDeps, actor: Actor, states: readonly string[]) {
  authorize(actor, hallPolicy.readHall, undefined, 'hall.read');
  return ticketsOfDay(deps.db, localDate(deps.clock.now()), states);
}

/**
 * A served ticket by its number on a day (today by default): what an on-site rating is checked
 * against. Not found unless served.
 */
export async function findServedTicket(
  deps: HallDeps,
  actor: Actor,
  input: { number: string; day?: string },
) {
  authorize(actor, hallPolicy.findServed, undefined, 'hall.find_served');
  const day = input.day ?? localDate(deps.clock.now());
  const t = await servedTicketByNumber(deps.db, input.number, day);
  if (!t) throw notFound('hall_ticket', `${input.number} (${day})`);
  return t;
}

/** How many times the case's applicant came to the hall, each visit with its waiting and service time. */
export async function listCaseVisits(deps: HallDeps, actor: Actor, caseId: string) {
  const c = await findCase(deps.db, caseId);
  if (!c) throw notFound('case', caseId);
  authorize(actor, hallPolicy.readVisits, { applicantUserId: c.applicant_user_id }, 'hall.read_visits');
  const [visits, promised] = await Promise.all([
    visitsOfCase(deps.db, caseId),
    promisedVisits(deps.db, caseId),
  ]);
  return { caseId, receiptNo: c.receipt_no, promised, visits };
}
