import type { Kysely } from 'kysely';
import { loadChineseDays } from '../../modules/clock/calendar/chinese-days-source.js';

/**
 * Seeds the working-day calendar from the chinese-days package (2004 to the last year it covers),
 * each of those years confirmed. Later years arrive as State Council notices through the
 * administrators' two-step confirmation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { specialDays, years } = loadChineseDays();
  const rows = specialDays.map((d) => ({
    date: d.date,
    year: Number(d.date.slice(0, 4)),
    kind: d.kind,
    name: d.name,
    source: d.source,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('calendar_days')
      .values(rows.slice(i, i + 200))
      .execute();
  await db
    .insertInto('calendar_years')
    .values(
      years.map((y) => ({
        year: y.year,
        confirmed: y.confirmed ? 1 : 0,
        source: 'chinese-days',
        confirmed_at: null,
        confirmed_by: null,
        revision: 1,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('calendar_days').where('source', '=', 'chinese-days').execute();
  await db.deleteFrom('calendar_years').where('source', '=', 'chinese-days').execute();
}
