import type { UnitOfWork } from '../audit/audited-transaction.js';
import { newId } from '../../shared/ids.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import { derivedFields } from './clock-math.js';
import { localDate } from './local-time.js';
import { clockEventRow, type ClockRow } from './repository.js';
import { yellowThreshold } from './thresholds.js';
import { insertAll } from '../../db/insert-rows.js';

/** Extension ceilings of the Administrative Licensing Law. */
export const EXTENSION_RULES = {
  /** Art. 42: the head of the agency may extend once, by at most 10 working days. */
  single: { maxExtensions: 1, maxExtensionDays: 10 },
  /** Art. 26: joint or centralised handling, extended by at most 15 with the government head's approval. */
  joint: { maxExtensions: 1, maxExtensionDays: 15 },
  /** A letter's reply (来函必复): the department head may extend once, by at most 15 working days. */
  letter: { maxExtensions: 1, maxExtensionDays: 15 },
  none: { maxExtensions: 0, maxExtensionDays: 0 },
} as const;

export interface StartClockInput {
  subjectType: string;
  subjectId: string;
  parentId?: string | null;
  label: string;
  departmentId?: string | null;
  itemId?: string | null;
  /** The day the period starts from (not itself counted); default: today in local time. */
  startDate?: string;
  limitDays: number;
  extensions?: keyof typeof EXTENSION_RULES;
  /** Overrides the configured threshold (tests, special clocks). */
  yellowPct?: number;
  basis?: string;
}

/** Builds a new clock's row; shared by startClock and the supervision loop (answer clocks). */
export function newClockRow(
  cal: WorkingCalendar,
  now: Date,
  input: StartClockInput & { yellowPct: number },
): ClockRow {
  const ext = EXTENSION_RULES[input.extensions ?? 'none'];
  const nowIso = now.toISOString();
  const startDate = input.startDate ?? localDate(now);
  const d = derivedFields(
    cal,
    {
      startDate,
      limitDays: input.limitDays,
      extensionDays: 0,
      pausedDays: 0,
      pausedSince: null,
      yellowPct: input.yellowPct,
      startedAt: nowIso,
    },
    'running',
    now,
  );
  // One literal in the table's column order (spreading two objects into a row of 29 columns made a
  // slow dictionary object, on every insert of a clock). A new clock starts green; if it is already
  // late the loop turns it at once, with its signals.
  return {
    id: newId(now.getTime()),
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    parent_id: input.parentId ?? null,
    label: input.label,
    department_id: input.departmentId ?? null,
    item_id: input.itemId ?? null,
    start_date: startDate,
    limit_days: input.limitDays,
    extension_days: 0,
    extensions_count: 0,
    max_extension_days: ext.maxExtensionDays,
    max_extensions: ext.maxExtensions,
    paused_days: 0,
    status: 'running',
    paused_since: null,
    yellow_pct: input.yellowPct,
    started_at: nowIso,
    stopped_at: null,
    outcome: null,
    updated_at: nowIso,
    version: 1,
    due_date: d.due_date,
    overdue_at: d.overdue_at,
    yellow_at: d.yellow_at,
    provisional: d.provisional,
    colour: 'green',
    next_check_at: d.colour === 'green' ? d.next_check_at : nowIso,
  };
}

/** Starts a clock for a case, stage, department task, supplement window, complaint, refund, … */
export async function startClock(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  input: StartClockInput,
): Promise<ClockRow> {
  const yellowPct =
    input.yellowPct ?? (await yellowThreshold(uow.db, input.itemId ?? null, input.departmentId ?? null));
  const row = newClockRow(cal, uow.now, { ...input, yellowPct });
  // The clock and its first event in one statement on PostgreSQL (insertAll).
  await insertAll(uow.db, [
    { table: 'clocks', rows: row },
    {
      table: 'clock_events',
      rows: clockEventRow(uow.nowIso, row.id, 1, 'started', uow.actor.id, {
        startDate: row.start_date,
        limitDays: row.limit_days,
        label: row.label,
        basis: input.basis ?? null,
        dueDate: row.due_date,
      }),
    },
  ]);
  return row;
}
