/**
 * Working-day arithmetic throughput (domain.md §3): the indexed WorkingCalendar against a naive
 * day-by-day loop over the same seeded inputs. Target: ≥ 5 million addWorkingDays per second on one core.
 * Run alone with `npx tsx bench/working-days.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { daysFromCivil, formatDate } from '../src/modules/clock/calendar/calendar-day.js';
import { loadChineseDays } from '../src/modules/clock/calendar/chinese-days-source.js';
import { WorkingCalendar } from '../src/modules/clock/calendar/working-calendar.js';

export interface BenchResult {
  name: string;
  results: { label: string; value: number; unit: string }[];
}

const INPUTS = 1 << 16;

/** The checksums of every timed batch end up here, so no result is provably unused and nothing is optimised away. */
export let benchSink = 0;
const WARMUP_MS = 300;
const MEASURE_MS = 1500;

/** mulberry32: a small seeded PRNG, so every run times the same inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What one would write without an index: walk the days with Date, look each one up in sets. */
function naiveCalendar(holidays: Set<string>, makeup: Set<string>) {
  const working = (d: Date): boolean => {
    const iso = d.toISOString().slice(0, 10);
    if (holidays.has(iso)) return false;
    if (makeup.has(iso)) return true;
    const w = d.getUTCDay();
    return w !== 0 && w !== 6;
  };
  return (start: string, n: number): string => {
    const d = new Date(`${start}T00:00:00Z`);
    if (n === 0) {
      while (!working(d)) d.setUTCDate(d.getUTCDate() + 1);
    } else {
      for (let left = n; left > 0;) {
        d.setUTCDate(d.getUTCDate() + 1);
        if (working(d)) left--;
      }
    }
    return d.toISOString().slice(0, 10);
  };
}

/** Runs `batch` (one pass over the inputs, returning a checksum) until `ms` have passed. */
function measure(
  batch: () => number,
  opsPerBatch: number,
  ms: number,
): { opsPerSec: number; checksum: number } {
  let checksum = 0;
  let ops = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    checksum = (checksum + batch()) | 0;
    ops += opsPerBatch;
    t = performance.now();
  }
  return { opsPerSec: ops / ((t - t0) / 1000), checksum };
}

export async function run(): Promise<BenchResult> {
  const { specialDays, years } = loadChineseDays();
  const cal = new WorkingCalendar(specialDays, years, { from: 2004, to: 2040 });
  const naiveAdd = naiveCalendar(
    new Set(specialDays.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    new Set(specialDays.filter((d) => d.kind === 'makeup_workday').map((d) => d.date)),
  );

  const rand = prng(20261126);
  const lo = daysFromCivil(2010, 1, 1);
  const span = daysFromCivil(2026, 12, 31) - lo + 1;
  const starts: string[] = [];
  const ends: string[] = [];
  const ns = new Int32Array(INPUTS);
  for (let i = 0; i < INPUTS; i++) {
    starts.push(formatDate(lo + Math.floor(rand() * span)));
    ends.push(formatDate(lo + Math.floor(rand() * span)));
    ns[i] = Math.floor(rand() * 61); // 0..60 working days
  }

  // The baseline must agree, or the comparison means nothing.
  for (let i = 0; i < 2000; i++) {
    const [a, b] = [cal.addWorkingDays(starts[i]!, ns[i]!), naiveAdd(starts[i]!, ns[i]!)];
    if (a !== b)
      throw new Error(`bench: indexed and naive disagree on ${starts[i]} + ${ns[i]}: ${a} vs ${b}`);
  }

  // Checksums read the results (two characters of each due date, each difference) so the work stays live.
  const indexedBatch = (): number => {
    let sum = 0;
    for (let i = 0; i < INPUTS; i++) {
      const due = cal.addWorkingDays(starts[i]!, ns[i]!);
      sum += due.charCodeAt(9) + due.charCodeAt(6);
    }
    return sum;
  };
  const NAIVE_SLICE = 4096; // the naive loop is slow; a smaller batch keeps the time check responsive
  let naiveOffset = 0;
  const naiveBatch = (): number => {
    let sum = 0;
    const end = naiveOffset + NAIVE_SLICE;
    for (let i = naiveOffset; i < end; i++) {
      const due = naiveAdd(starts[i]!, ns[i]!);
      sum += due.charCodeAt(9) + due.charCodeAt(6);
    }
    naiveOffset = end % INPUTS;
    return sum;
  };
  const betweenBatch = (): number => {
    let sum = 0;
    for (let i = 0; i < INPUTS; i++) sum += cal.workingDaysBetween(starts[i]!, ends[i]!);
    return sum;
  };

  measure(indexedBatch, INPUTS, WARMUP_MS);
  measure(naiveBatch, NAIVE_SLICE, WARMUP_MS);
  measure(betweenBatch, INPUTS, WARMUP_MS);
  const indexed = measure(indexedBatch, INPUTS, MEASURE_MS);
  const naive = measure(naiveBatch, NAIVE_SLICE, MEASURE_MS);
  const between = measure(betweenBatch, INPUTS, MEASURE_MS);
  benchSink = (indexed.checksum ^ naive.checksum ^ between.checksum) >>> 0;

  return {
    name: 'working-days',
    results: [
      {
        label: 'addWorkingDays (indexed), n 0..60, starts 2010–2026',
        value: Math.round(indexed.opsPerSec),
        unit: 'ops/s',
      },
      {
        label: 'addWorkingDays (naive day-by-day loop, same inputs)',
        value: Math.round(naive.opsPerSec),
        unit: 'ops/s',
      },
      {
        label: 'addWorkingDays speed-up, indexed vs naive',
        value: Number((indexed.opsPerSec / naive.opsPerSec).toFixed(1)),
        unit: '×',
      },
      {
        label: 'workingDaysBetween (indexed), random pairs 2010–2026',
        value: Math.round(between.opsPerSec),
        unit: 'ops/s',
      },
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { name, results } = await run();
  console.log(name);
  console.table(
    results.map((r) => ({ label: r.label, value: r.value.toLocaleString('en-US'), unit: r.unit })),
  );
}
