/**
 * New tickets in the writer thread (src/db/writer-thread.ts), beside new applications and in the
 * same commit group: what writeComplaint needs, composed on the thread's connection.
 */
import type { ThreadWriter } from '../../db/writer-thread.js';
import { CalendarStore } from '../clock/calendar-store.js';
import { writeComplaint, type ComplaintJob, type WrittenComplaint } from './write-complaint.js';

export const writer: ThreadWriter<ComplaintJob, WrittenComplaint> = {
  compose(env) {
    const deps = {
      db: env.database.db,
      clock: env.clock,
      calendars: new CalendarStore(env.database.db),
      intake: env.group,
    };
    return { write: (job) => writeComplaint(deps, job), refresh: () => deps.calendars.invalidate() };
  },
};
