import type { Db } from '../../db/database.js';
import { clocksOfSubject, eventsOf, findClock, openClocksAmong, type ClockRow } from './repository.js';

export type { ClockRow };

/** Clocks as other modules read them; every change goes through the clock's own use cases. */
export { findClock, clocksOfSubject };

/** The history of the given clocks, each in order. */
export const clockEvents = (db: Db, clockIds: string[]) => eventsOf(db, clockIds);

/** Those of the given clocks that still run or are paused (not stopped). */
export const openClockIds = async (db: Db, ids: string[]): Promise<string[]> =>
  ids.length ? (await openClocksAmong(db, ids)).map((r) => r.id) : [];
