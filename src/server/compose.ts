import type { Config } from '../config/config.js';
import type { DatabaseHandle } from '../db/database.js';
import { OffsetClock, systemClock, type Clock } from '../shared/clock.js';
import { CalendarStore } from '../modules/clock/calendar-store.js';
import { SupervisionRunner } from '../modules/supervision/supervision-runner.js';
import { NotificationRunner } from '../modules/notifications/notification-runner.js';
import { channelsFromConfig } from '../modules/notifications/channels/channels-from-config.js';
import type { AppContext } from './context.js';
import type { Visit, VisitLookup } from '../modules/ratings/visit-lookup.js';
import { latestServedAtWindow, servedTicketByNumber, type ServedTicket } from '../modules/hall/hall-reads.js';
import { localDate } from '../modules/clock/local-time.js';

/** The composition root: real dependencies, wired once. */
export function composeContext(config: Config, database: DatabaseHandle, clockOverride?: Clock): AppContext {
  const testClock = !clockOverride && config.timeMode === 'test' ? new OffsetClock() : undefined;
  const clock = clockOverride ?? testClock ?? systemClock;
  const calendars = new CalendarStore(database.db);
  const supervision = new SupervisionRunner(database, clock, calendars);
  const notifications = new NotificationRunner(
    database,
    clock,
    channelsFromConfig(config, database.db, clock),
  );
  return {
    config,
    database,
    db: database.db,
    clock,
    calendars,
    supervision,
    notifications,
    // The hall's ticket lookup replaces this when the hall is wired; until then no ticket is known.
    visits: hallVisits(database),
    ...(testClock ? { testClock } : {}),
  };
}

/** The on-site rating's visits, from the hall's served tickets (numbers start again each day). */
function hallVisits(database: DatabaseHandle): VisitLookup {
  const visit = (t: ServedTicket | undefined): Visit | null =>
    !t || !t.departmentId
      ? null
      : {
          ticketId: t.ticketId,
          ticketNo: t.number,
          departmentId: t.departmentId,
          windowId: t.windowId,
          window: t.windowName,
          staffId: t.staffId,
          itemId: t.itemId,
          caseId: t.caseId,
          servedAt: t.servedAt,
        };
  return {
    find: async (ticketNo, now) => visit(await servedTicketByNumber(database.db, ticketNo, localDate(now))),
    latestAt: async (windowId, now) =>
      visit(await latestServedAtWindow(database.db, windowId, localDate(now))),
  };
}
