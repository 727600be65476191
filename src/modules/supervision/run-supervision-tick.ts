import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { systemActor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { derivedFields, termsOf } from '../clock/clock-math.js';
import { newClockRow } from '../clock/start-clock.js';
import type { ClockRow } from '../clock/clock-reads.js';
import { enqueueNotifications, raiseSignals, type OutboxInput, type SignalInput } from './signals.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';

/** Working days a department head has to answer a supervision order. */
export const ORDER_ANSWER_DAYS = 3;
/** Who the pass acts as, in the audit trail. */
export const SUPERVISION = systemActor('supervision');

export type RedHandler = (trx: Transaction<Database>, clocks: ClockRow[], now: Date) => Promise<void>;

export interface TickOptions {
  dialect: DialectName;
  batchSize?: number;
  /** Modules react to their own clocks turning red (e.g. cases: deemed acceptance). */
  onRed?: Record<string, RedHandler>;
}

export interface TickResult {
  claimed: number;
  yellow: number;
  red: number;
  recovered: number;
}

/**
 * One pass of electronic supervision over the clocks that are due (next_check_at ≤ now), at most
 * batchSize of them, in one transaction. On PostgreSQL the rows are claimed FOR UPDATE SKIP LOCKED,
 * so several instances share the work and each clock is processed by exactly one of them. Cost
 * follows the number due, never the number open. The batch is one audited unit: one audit event
 * names what it changed (per-clock detail is in clock_events), and a pass with nothing due changes
 * nothing.
 */
export async function runSupervisionTick(
  db: Db,
  clock: Clock,
  cal: WorkingCalendar,
  opts: TickOptions,
): Promise<TickResult> {
  const batch = opts.batchSize ?? 200;
  return audited(db, clock, SUPERVISION, async (uow) => {
    const { db: trx, now, nowIso } = uow;
    let q = trx
      .selectFrom('clocks')
      .selectAll()
      .where('next_check_at', '<=', nowIso)
      .where('status', '=', 'running')
      .orderBy('next_check_at')
      .limit(batch);
    if (opts.dialect === 'postgres') q = q.forUpdate().skipLocked();
    const rows = await q.execute();
    const result: TickResult = { claimed: rows.length, yellow: 0, red: 0, recovered: 0 };
    if (rows.length === 0) return uow.unchanged(result);

    const parents = await parentColours(trx, rows);
    const events: Insertable<Database['clock_events']>[] = [];
    const signals: SignalInput[] = [];
    const notices: OutboxInput[] = [];
    const newlyRed: ClockRow[] = [];
    const updates: ClockUpdate[] = [];
    for (const row of rows) {
      const d = derivedFields(cal, termsOf(row), 'running', now);
      const changed = d.colour !== row.colour;
      updates.push({ id: row.id, ...d, version: changed ? row.version + 1 : row.version });
      if (!changed) continue;
      events.push({
        id: newId(now.getTime()),
        clock_id: row.id,
        seq: row.version + 1,
        at: nowIso,
        kind: 'colour_changed',
        actor_id: null,
        data: toJson({ from: row.colour, to: d.colour, dueDate: d.due_date }),
      });
      const base = {
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        departmentId: row.department_id,
        clockId: row.id,
      };
      if (d.colour === 'yellow' && row.colour === 'green') {
        result.yellow++;
        signals.push({
          ...base,
          kind: 'clock_yellow',
          dedupeKey: `${row.id}:yellow:${d.due_date}`,
          data: { label: row.label, dueDate: d.due_date },
        });
      } else if (d.colour === 'red') {
        result.red++;
        const updated = { ...row, ...d };
        newlyRed.push(updated);
        signals.push({
          ...base,
          kind: redKind(row, parents),
          dedupeKey: `${row.id}:red:${d.due_date}`,
          data: { label: row.label, dueDate: d.due_date, limitDays: row.limit_days },
        });
      } else {
        result.recovered++;
      }
    }
    await updateClocks(trx, opts.dialect, updates, nowIso);
    if (events.length) await trx.insertInto('clock_events').values(events).execute();
    await raiseSignals(trx, signals, nowIso);
    await openOrders(
      trx,
      cal,
      now,
      newlyRed.filter((r) => r.subject_type !== 'supervision_order'),
      notices,
    );
    await enqueueNotifications(trx, notices, nowIso);
    for (const [type, handler] of Object.entries(opts.onRed ?? {})) {
      const mine = newlyRed.filter((r) => r.subject_type === type);
      if (mine.length) await handler(trx, mine, now);
    }
    // Every claimed clock had its projection rewritten, so the event is written even when no colour changed.
    await uow.audit({
      action: 'supervision.swept',
      entityType: 'clocks',
      entityId: 'batch',
      data: { ...result, red: newlyRed.map((r) => r.id) },
    });
    return result;
  });
}

type ClockUpdate = Pick<
  ClockRow,
  'id' | 'due_date' | 'overdue_at' | 'yellow_at' | 'provisional' | 'colour' | 'next_check_at' | 'version'
>;

/**
 * One UPDATE for the whole batch (CASE by id) instead of one per clock: on PostgreSQL each
 * statement is a network round trip, and the batch's time budget is tens of milliseconds.
 */
async function updateClocks(
  trx: Kysely<Database>,
  dialect: DialectName,
  rows: ClockUpdate[],
  nowIso: string,
) {
  if (!rows.length) return;
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  const col = <K extends keyof ClockUpdate>(name: K, type: string) =>
    sql<ClockUpdate[K]>`case ${sql.ref('id')} ${sql.join(
      rows.map((r) => sql`when ${r.id} then cast(${r[name]} as ${sql.raw(type)})`),
      sql` `,
    )} end`;
  await trx
    .updateTable('clocks')
    .set({
      due_date: col('due_date', 'text'),
      overdue_at: col('overdue_at', ts),
      yellow_at: col('yellow_at', ts),
      provisional: col('provisional', 'integer'),
      colour: col('colour', 'text'),
      next_check_at: col('next_check_at', ts),
      version: col('version', 'integer'),
      updated_at: nowIso,
    })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
}

async function parentColours(trx: Kysely<Database>, rows: ClockRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.parent_id).filter((p): p is string => !!p))];
  if (!ids.length) return new Map();
  const ps = await trx
    .selectFrom('clocks')
    .select(['id', 'colour', 'status', 'overdue_at'])
    .where('id', 'in', ids)
    .execute();
  return new Map(ps.map((p) => [p.id, p.colour]));
}

function redKind(row: ClockRow, parents: Map<string, string>): SignalInput['kind'] {
  if (row.subject_type === 'supervision_order') return 'order_answer_overdue';
  if (row.subject_type === 'acceptance') return 'deemed_acceptance';
  if (row.subject_type === 'letter') return 'letter_overdue';
  if (row.subject_type === 'inspection') return 'inspection_result_late';
  if (row.subject_type === 'selfinspection_report') return 'selfinspection_report_overdue';
  if (row.subject_type === 'selfinspection_problem') return 'selfinspection_rectification_overdue';
  if (row.subject_type === 'rating_rectification') return 'rectification_overdue';
  if (row.subject_type === 'appraisal_rectification') return 'appraisal_rectification_overdue';
  if (row.limit_days === 0) return 'instant_not_same_day';
  if (row.parent_id && parents.get(row.parent_id) !== 'red') return 'stage_overrun';
  return 'clock_overdue';
}

/** A red clock opens a supervision order (督办) for its department head, with its own answer clock. */
async function openOrders(
  trx: Transaction<Database>,
  cal: WorkingCalendar,
  now: Date,
  red: ClockRow[],
  notices: OutboxInput[],
) {
  if (!red.length) return;
  const nowIso = now.toISOString();
  const planned = red.map((r) => {
    const id = newId(now.getTime());
    const answer = newClockRow(cal, now, {
      subjectType: 'supervision_order',
      subjectId: id,
      parentId: null,
      label: `${L.orderAnswer}${r.label}`,
      departmentId: r.department_id,
      limitDays: ORDER_ANSWER_DAYS,
      yellowPct: 67,
    });
    return { id, clock: r, answer };
  });
  // One order per clock, ever: the unique clock_id decides, and only the orders actually created get
  // an answer clock and a notice.
  const created = new Set(
    (
      await trx
        .insertInto('supervision_orders')
        .values(
          planned.map((o) => ({
            id: o.id,
            clock_id: o.clock.id,
            subject_type: o.clock.subject_type,
            subject_id: o.clock.subject_id,
            department_id: o.clock.department_id,
            status: 'open',
            opened_at: nowIso,
            answer_clock_id: o.answer.id,
            answer: null,
            answered_at: null,
            answered_by: null,
            closed_at: null,
            closed_by: null,
            close_note: null,
            version: 1,
          })),
        )
        .onConflict((oc) => oc.column('clock_id').doNothing())
        .returning('id')
        .execute()
    ).map((r) => r.id),
  );
  const fresh = planned.filter((o) => created.has(o.id));
  if (!fresh.length) return;
  await trx
    .insertInto('clocks')
    .values(fresh.map((o) => o.answer))
    .execute();
  await trx
    .insertInto('clock_events')
    .values(
      fresh.map((o) => ({
        id: newId(now.getTime()),
        clock_id: o.answer.id,
        seq: 1,
        at: nowIso,
        kind: 'started',
        actor_id: null,
        data: toJson({
          startDate: o.answer.start_date,
          limitDays: o.answer.limit_days,
          label: o.answer.label,
          dueDate: o.answer.due_date,
        }),
      })),
    )
    .execute();
  for (const o of fresh) {
    notices.push({
      kind: 'supervision_order_opened',
      // A clock of no department (the reporting center's own, a report about a department's
      // leadership) is answered to the supervisors.
      recipientType: o.clock.department_id ? 'department_head' : 'supervisors',
      recipientId: o.clock.department_id,
      subjectType: 'supervision_order',
      subjectId: o.id,
      payload: { label: o.clock.label, dueDate: o.clock.due_date, answerBy: o.answer.due_date },
    });
  }
}
