import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { COUNTERS } from './counters.js';
import { contributionsOf, SOURCES } from './contributions.js';
import { LOADERS } from './repository-sources.js';
import { contributionRow, Deltas, storedContributions } from './repository.js';

export interface CheckReport {
  ok: boolean;
  records: number;
  aggregateRows: number;
  /** every difference found, named (the first 200) */
  differences: string[];
  differenceCount: number;
}

const PAGE = 2000;
const MAX_LISTED = 200;

/**
 * Recomputes every figure from the raw records with the same contribution function the refresh
 * uses, and compares it with what is stored: each record's contributions, every aggregate row and
 * the histogram of working days. Any difference is named (record or row, counter, stored and
 * recomputed), so a drift can be traced to the record behind it.
 */
export async function checkAssessment(db: Kysely<Database>, cal: WorkingCalendar): Promise<CheckReport> {
  const differences: string[] = [];
  let differenceCount = 0;
  const note = (s: string) => {
    differenceCount++;
    if (differences.length < MAX_LISTED) differences.push(s);
  };
  const expected = new Deltas();
  let records = 0;
  for (const source of SOURCES) {
    let after = '';
    for (;;) {
      const page = await LOADERS[source](db, { after, limit: PAGE });
      if (!page.length) break;
      records += page.length;
      const stored = new Map<string, string>();
      for (const s of await storedContributions(
        db,
        source,
        page.map((r) => r.id),
      ))
        stored.set(`${s.source_id}#${s.seq}`, JSON.stringify(s));
      for (const r of page) {
        const mine = contributionsOf(r, cal);
        for (const c of mine) {
          expected.add(c, 1);
          const want = JSON.stringify(contributionRow(source, r.id, c));
          const key = `${r.id}#${c.seq}`;
          const got = stored.get(key);
          if (got !== want)
            note(
              `${source} ${r.id} (${c.subject}) #${c.seq}: stored ${got ?? 'nothing'}, recomputed ${want}`,
            );
          stored.delete(key);
        }
      }
      for (const [key, got] of stored) note(`${source} ${key}: stored ${got}, recomputed nothing`);
      after = page[page.length - 1]!.id;
    }
  }
  const orphans = await db
    .selectFrom('assessment_contributions')
    .select(['source'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', 'not in', SOURCES)
    .groupBy('source')
    .execute();
  for (const o of orphans) note(`${Number(o.n)} contributions of an unknown source ${o.source}`);

  const rows = await db.selectFrom('assessment_aggregates').selectAll().execute();
  for (const row of rows) {
    const key = `${row.dim}\u0001${row.dim_id}\u0001${row.department_id}\u0001${row.day}`;
    const want = expected.rows.get(key)?.c ?? {};
    for (const c of COUNTERS)
      if (Number(row[c]) !== (want[c] ?? 0))
        note(
          `${row.dim} ${row.dim_id} (department ${row.department_id}) on ${row.day}: ${c} stored ${Number(row[c])}, recomputed ${want[c] ?? 0}`,
        );
    expected.rows.delete(key);
  }
  for (const r of expected.rows.values()) {
    const nonZero = Object.entries(r.c).filter(([, v]) => v !== 0);
    if (nonZero.length)
      note(
        `${r.dim} ${r.dimId} (department ${r.departmentId}) on ${r.day}: no stored row, recomputed ${nonZero.map(([k, v]) => `${k}=${v}`).join(', ')}`,
      );
  }
  const hist = await db.selectFrom('assessment_days_used').selectAll().execute();
  for (const h of hist) {
    const key = `${h.dim}\u0001${h.dim_id}\u0001${h.department_id}\u0001${h.day}\u0001${h.days}`;
    const want = expected.hist.get(key)?.n ?? 0;
    if (Number(h.n) !== want)
      note(
        `${h.dim} ${h.dim_id} on ${h.day}: cases using ${h.days} working days stored ${Number(h.n)}, recomputed ${want}`,
      );
    expected.hist.delete(key);
  }
  for (const h of expected.hist.values())
    if (h.n !== 0)
      note(
        `${h.dim} ${h.dimId} on ${h.day}: cases using ${h.days} working days not stored, recomputed ${h.n}`,
      );
  return { ok: differenceCount === 0, records, aggregateRows: rows.length, differences, differenceCount };
}
