/**
 * Performance assessment: a year's report for a city, and the full recompute beside it. Synthetic raw
 * records (decided case clocks, ratings, complaints) are bulk-loaded with multi-row inserts, the
 * aggregates built by the same refresh the server runs (the first pass builds everything), then the
 * year's report per department is timed, and the exact check (recompute from the raw records).
 * BENCH_ASSESSMENT_CASES (default 1,000,000; complaints a fifth, ratings half); TEST_DATABASE_URL for
 * PostgreSQL, else SQLite in a file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestContext } from '../test/test-context.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { systemActor } from '../src/shared/actor.js';
import { refreshAssessment } from '../src/modules/assessment/refresh-assessment.js';
import { checkAssessment } from '../src/modules/assessment/check-assessment.js';
import { getAssessment } from '../src/modules/assessment/get-assessment.js';
import type { BenchResult } from './working-days.bench.js';

const CASES = Number(process.env.BENCH_ASSESSMENT_CASES ?? 1_000_000);
const COMPLAINTS = Math.round(CASES / 5);
const RATINGS = Math.round(CASES / 2);
const CHUNK = 500;

const pad = (n: number) => String(n).padStart(9, '0');
/** A working-hours instant of 2025, spread over the year. */
const instant = (i: number, n: number) =>
  new Date(Date.UTC(2025, 0, 2) + Math.floor((i / n) * 360) * 86_400_000 + 2 * 3_600_000).toISOString();

async function insertChunks<T>(n: number, make: (i: number) => T, write: (rows: T[]) => Promise<unknown>) {
  for (let i = 0; i < n; i += CHUNK) {
    const rows: T[] = [];
    for (let j = i; j < Math.min(n, i + CHUNK); j++) rows.push(make(j));
    await write(rows);
  }
}

export async function run(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-bench-assessment-'));
  const t = await createTestContext({
    start: '2026-01-05T02:00:00.000Z',
    ...(process.env.TEST_DATABASE_URL ? {} : { sqliteFile: path.join(dir, 'bench.db') }),
  });
  try {
    await seedDemo(t.db, t.clock);
    const depts = (await t.db.selectFrom('departments').select('id').execute()).map((d) => d.id);
    const dept = (i: number) => depts[i % depts.length]!;
    const load0 = performance.now();
    await insertChunks(
      CASES,
      (i) => {
        const stopped = instant(i, CASES);
        const day = stopped.slice(0, 10);
        return {
          id: `bc-${pad(i)}`,
          subject_type: 'case',
          subject_id: `bcase-${pad(i)}`,
          parent_id: null,
          label: 'bench',
          department_id: dept(i),
          item_id: null,
          start_date: '2025-01-02',
          limit_days: 20,
          extension_days: 0,
          extensions_count: 0,
          max_extension_days: 0,
          max_extensions: 0,
          paused_days: 0,
          status: 'stopped',
          paused_since: null,
          due_date: day,
          provisional: 0,
          yellow_pct: 90,
          yellow_at: null,
          overdue_at: i % 10 === 0 ? instant(i - 1, CASES) : stopped,
          colour: 'green',
          next_check_at: null,
          started_at: stopped,
          stopped_at: stopped,
          outcome: 'approved',
          updated_at: stopped,
          version: 1,
        };
      },
      (rows) => t.db.insertInto('clocks').values(rows).execute(),
    );
    await insertChunks(
      RATINGS,
      (i) => ({
        id: `br-${pad(i)}`,
        channel: 'phone',
        subject_type: 'case',
        subject_id: `bcase-${pad(i)}`,
        subject_ref: `R${i}`,
        department_id: dept(i),
        item_id: null,
        window: null,
        staff_id: null,
        level: (i % 5) + 1,
        indicators: '{}',
        comment: null,
        real_name: 0,
        rater_user_id: null,
        rater_name: null,
        rater_phone: null,
        recorded_by: null,
        state: 'counted',
        exclusion_reason: null,
        rated_at: instant(i, RATINGS),
        version: 1,
      }),
      (rows) => t.db.insertInto('rating_ratings').values(rows).execute(),
    );
    await insertChunks(
      COMPLAINTS,
      (i) => ({
        id: `bt-${pad(i)}`,
        ticket_no: `T${pad(i)}`,
        check_code: 'x',
        channel: 'web',
        anonymous: 1,
        reporter_user_id: null,
        reporter_name: null,
        reporter_phone: null,
        reporter_email: null,
        category_code: 'delay',
        urgent: 0,
        department_id: dept(i),
        about_leadership: 0,
        case_receipt_no: null,
        fee_reference: null,
        inspection_reference: null,
        staff_named: null,
        description: 'bench',
        terms: '',
        location: null,
        lat: null,
        lng: null,
        state: 'replied',
        route: 'department',
        assigned_department_id: dept(i),
        merged_into_id: null,
        refusal_reasons: null,
        reply: 'ok',
        callback_note: null,
        rating: null,
        rating_note: null,
        return_count: 0,
        reopen_count: i % 50 === 0 ? 1 : 0,
        acceptance_clock_id: null,
        handling_clock_id: null,
        result_clock_id: null,
        accepted_date: null,
        created_by: null,
        created_at: instant(i, COMPLAINTS),
        replied_at: instant(i, COMPLAINTS),
        closed_at: null,
        last_hash: null,
        event_count: 0,
        updated_at: instant(i, COMPLAINTS),
        version: 1,
      }),
      (rows) => t.db.insertInto('complaints').values(rows).execute(),
    );
    const loaded = performance.now() - load0;
    const deps = { db: t.db, clock: t.clock, calendars: t.calendars };
    await t.db.updateTable('assessment_cursor').set({ at: null }).execute();
    const b0 = performance.now();
    await refreshAssessment(deps);
    const built = performance.now() - b0;
    const supervisor = { ...systemActor('bench'), role: 'supervisor' as const };
    await getAssessment(deps, supervisor, { period: '2025' }); // warm
    const runs: number[] = [];
    for (let k = 0; k < 5; k++) {
      const r0 = performance.now();
      await getAssessment(deps, supervisor, { period: '2025' });
      runs.push(performance.now() - r0);
    }
    const c0 = performance.now();
    const check = await checkAssessment(t.db, await t.calendars.get());
    const checked = performance.now() - c0;
    if (!check.ok)
      throw new Error(`the check found differences: ${check.differences.slice(0, 3).join('; ')}`);
    return {
      name: `assessment (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}; ${CASES} cases, ${COMPLAINTS} complaints, ${RATINGS} ratings)`,
      results: [
        { label: 'bulk load of the raw records', value: Math.round(loaded), unit: 'ms' },
        { label: 'aggregates built (full refresh)', value: Math.round(built), unit: 'ms' },
        {
          label: "year's report, median of 5",
          value: Math.round(runs.sort((a, b) => a - b)[2]!),
          unit: 'ms',
        },
        { label: 'exact check (full recompute and compare)', value: Math.round(checked), unit: 'ms' },
      ],
    };
  } finally {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
