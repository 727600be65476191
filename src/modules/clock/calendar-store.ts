import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { WorkingCalendar } from './calendar/working-calendar.js';
import type { SpecialDay } from './calendar/calendar-day.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';

/** How far past the last confirmed year deadlines can reach (as provisional). */
const YEARS_AHEAD = 15;
const FIRST_YEAR = 2000;
/** Other instances' confirmations are noticed within this time. */
const RECHECK_MS = 1000;

/**
 * The working calendar built from the database, rebuilt only when a year's revision changes. Several
 * app instances share the tables; each notices a confirmation made elsewhere within RECHECK_MS.
 */
/** Told, inside the confirming transaction, which clocks a calendar change moved. */
export type ReprojectionListener = (
  uow: UnitOfWork,
  cal: WorkingCalendar,
  moved: readonly { subjectType: string; subjectId: string }[],
) => Promise<void>;

export class CalendarStore {
  /** What else must follow the moved deadlines (e.g. the cases' public tracking snapshots). */
  readonly afterReprojection: ReprojectionListener[] = [];
  private cached: { calendar: WorkingCalendar; signature: string } | undefined;
  private checkedAt = -Infinity;
  /** Counts this instance's own changes (invalidate()), for a thread that keeps a calendar of its own. */
  generation = 0;

  constructor(private readonly db: Kysely<Database>) {}

  async get(): Promise<WorkingCalendar> {
    if (this.cached && performance.now() - this.checkedAt < RECHECK_MS) return this.cached.calendar;
    const sig = await this.signature();
    this.checkedAt = performance.now();
    if (this.cached?.signature === sig) return this.cached.calendar;
    const calendar = await this.build();
    this.cached = { calendar, signature: sig };
    return calendar;
  }

  /** Call after this instance changed the calendar, so the next get() rebuilds at once. */
  invalidate(): void {
    this.generation++;
    this.cached = undefined;
    this.checkedAt = -Infinity;
  }

  private async signature(): Promise<string> {
    const r = await this.db
      .selectFrom('calendar_years')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('revision').as('rev'),
        eb.fn.max('year').as('max'),
      ])
      .executeTakeFirstOrThrow();
    return `${r.n}:${r.rev}:${r.max}`;
  }

  private build(): Promise<WorkingCalendar> {
    return loadCalendar(this.db);
  }
}

/** Builds the calendar from the tables (also inside a transaction that is changing them). */
export async function loadCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([
    db.selectFrom('calendar_days').selectAll().orderBy('date').execute(),
    db.selectFrom('calendar_years').selectAll().orderBy('year').execute(),
  ]);
  const lastConfirmed = Math.max(FIRST_YEAR, ...years.filter((y) => y.confirmed).map((y) => Number(y.year)));
  const specialDays: SpecialDay[] = days.map((d) => ({
    date: d.date,
    kind: d.kind as SpecialDay['kind'],
    name: d.name,
    source: d.source,
  }));
  return new WorkingCalendar(
    specialDays,
    years.map((y) => ({ year: Number(y.year), confirmed: !!y.confirmed })),
    { from: FIRST_YEAR, to: lastConfirmed + YEARS_AHEAD },
  );
}
