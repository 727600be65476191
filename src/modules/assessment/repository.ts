import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AssessmentContributionTable } from '../../db/schema-assessment.js';
import { fromJson, toJson } from '../../shared/json.js';
import { COUNTERS, type Counter, type Counts } from './counters.js';
import { dimKeys, type Contribution, type Source } from './contributions.js';

type Q = Kysely<Database>;

/** Sums of counters per aggregate row, and of cases per days used, keyed as the tables are. */
export class Deltas {
  readonly rows = new Map<
    string,
    { dim: string; dimId: string; departmentId: string; day: string; c: Counts }
  >();
  readonly hist = new Map<
    string,
    { dim: string; dimId: string; departmentId: string; day: string; days: number; n: number }
  >();

  add(c: Contribution, sign: 1 | -1) {
    for (const k of dimKeys(c)) {
      const key = `${k.dim}\u0001${k.dimId}\u0001${c.departmentId}\u0001${c.day}`;
      let row = this.rows.get(key);
      if (!row)
        this.rows.set(
          key,
          (row = { dim: k.dim, dimId: k.dimId, departmentId: c.departmentId, day: c.day, c: {} }),
        );
      for (const [name, v] of Object.entries(c.counters) as [Counter, number][])
        row.c[name] = (row.c[name] ?? 0) + sign * v;
      if (c.daysUsed >= 0) {
        const hk = `${key}\u0001${c.daysUsed}`;
        const h = this.hist.get(hk);
        if (h) h.n += sign;
        else
          this.hist.set(hk, {
            dim: k.dim,
            dimId: k.dimId,
            departmentId: c.departmentId,
            day: c.day,
            days: c.daysUsed,
            n: sign,
          });
      }
    }
  }
}

export const contributionRow = (
  source: Source,
  sourceId: string,
  c: Contribution,
): AssessmentContributionTable => ({
  source,
  source_id: sourceId,
  seq: c.seq,
  day: c.day,
  department_id: c.departmentId,
  item_id: c.itemId,
  staff_id: c.staffId,
  window: c.window,
  subject: c.subject,
  counters: toJson(Object.fromEntries(Object.entries(c.counters).filter(([, v]) => v !== 0))),
  days_used: c.daysUsed,
});

export const rowContribution = (r: AssessmentContributionTable): Contribution => ({
  seq: r.seq,
  day: r.day,
  departmentId: r.department_id,
  itemId: r.item_id,
  staffId: r.staff_id,
  window: r.window,
  subject: r.subject,
  counters: fromJson<Counts>(r.counters, {}),
  daysUsed: r.days_used,
});

/** Inserts in statements small enough for PostgreSQL's parameter limit. */
async function chunked<T>(rows: T[], size: number, write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function storedContributions(db: Q, source: Source, ids: readonly string[]) {
  if (!ids.length) return [];
  const out: AssessmentContributionTable[] = [];
  await chunked([...ids], 1000, async (part) => {
    out.push(
      ...(await db
        .selectFrom('assessment_contributions')
        .selectAll()
        .where('source', '=', source)
        .where('source_id', 'in', part)
        .execute()),
    );
  });
  return out;
}

export async function replaceContributions(
  db: Q,
  source: Source,
  ids: readonly string[],
  rows: AssessmentContributionTable[],
) {
  await chunked([...ids], 1000, (part) =>
    db
      .deleteFrom('assessment_contributions')
      .where('source', '=', source)
      .where('source_id', 'in', part)
      .execute(),
  );
  await chunked(rows, 500, (part) => db.insertInto('assessment_contributions').values(part).execute());
}

/** Adds the deltas to the aggregates: an upsert that adds, so concurrent units never lose a sum. */
export async function applyDeltas(db: Q, d: Deltas) {
  const rows = [...d.rows.values()]
    .filter((r) => Object.values(r.c).some((v) => v !== 0))
    .map((r) => ({
      dim: r.dim,
      dim_id: r.dimId,
      department_id: r.departmentId,
      day: r.day,
      ...Object.fromEntries(COUNTERS.map((c) => [c, r.c[c] ?? 0])),
    }));
  await chunked(rows, 400, (part) =>
    db
      .insertInto('assessment_aggregates')
      .values(part as never)
      .onConflict((oc) =>
        oc
          .columns(['dim', 'day', 'dim_id', 'department_id'])
          .doUpdateSet(
            Object.fromEntries(
              COUNTERS.map((c) => [c, sql`assessment_aggregates.${sql.ref(c)} + excluded.${sql.ref(c)}`]),
            ) as never,
          ),
      )
      .execute(),
  );
  const hist = [...d.hist.values()]
    .filter((h) => h.n !== 0)
    .map((h) => ({
      dim: h.dim,
      dim_id: h.dimId,
      department_id: h.departmentId,
      day: h.day,
      days: h.days,
      n: h.n,
    }));
  await chunked(hist, 1000, (part) =>
    db
      .insertInto('assessment_days_used')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['dim', 'day', 'dim_id', 'department_id', 'days'])
          .doUpdateSet({ n: sql`assessment_days_used.n + excluded.n` }),
      )
      .execute(),
  );
}

export async function clearAggregates(db: Q) {
  await db.deleteFrom('assessment_contributions').execute();
  await db.deleteFrom('assessment_aggregates').execute();
  await db.deleteFrom('assessment_days_used').execute();
}

/** The refresh cursor, claimed so only one instance refreshes at a time (SKIP LOCKED: the other passes). */
export async function claimCursor(db: Q, pg: boolean) {
  let q = db.selectFrom('assessment_cursor').selectAll().where('name', '=', 'main');
  if (pg) q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

export async function setCursor(db: Q, at: string | null, rebuiltAt?: string) {
  await db
    .updateTable('assessment_cursor')
    .set({ at, ...(rebuiltAt ? { rebuilt_at: rebuiltAt } : {}) })
    .where('name', '=', 'main')
    .execute();
}
