import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { systemActor } from '../../shared/actor.js';
import { insertAuditEvent } from '../audit/repository.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { derivedFields, termsOf } from '../clock/clock-math.js';
import { newClockRow } from '../clock/start-clock.js';
import type { ClockRow } from '../clock/repository.js';
import { enqueueNotifications, raiseSignals, type OutboxInput, type SignalInput } from './signals.js';

/** Working days a department head has to answer a supervision order. */
export const ORDER_ANSWER_DAYS = 3;

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
 * follows the number due, never the number open.
 */
export async function runSupervisionTick(db: Db, clock: Clock, cal: WorkingCalendar, opts: TickOptions): Promise<TickResult> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const batch = opts.batchSize ?? 200;
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('clocks').selectAll().where('next_check_at', '<=', nowIso).where('status', '=', 'running').orderBy('next_check_at').limit(batch);
    if (opts.dialect === 'postgres') q = q.forUpdate().skipLocked();
    const rows = await q.execute();
    const result: TickResult = { claimed: rows.length, yellow: 0, red: 0, recovered: 0 };
    if (rows.length === 0) return result;

    const parents = await parentColours(trx, rows);
    const events: Record<string, unknown>[] = [];
    const signals: SignalInput[] = [];
    const notices: OutboxInput[] = [];
    const newlyRed: ClockRow[] = [];
    for (const row of rows) {
      const d = derivedFields(cal, termsOf(row), 'running', now);
      const changed = d.colour !== row.colour;
      await trx.updateTable('clocks').set({ ...d, version: changed ? row.version + 1 : row.version, updated_at: nowIso })
        .where('id', '=', row.id).execute();
      if (!changed) continue;
      events.push({ id: newId(now.getTime()), clock_id: row.id, seq: row.version + 1, at: nowIso, kind: 'colour_changed', actor_id: null, data: toJson({ from: row.colour, to: d.colour, dueDate: d.due_date }) });
      const base = { subjectType: row.subject_type, subjectId: row.subject_id, departmentId: row.department_id, clockId: row.id };
      if (d.colour === 'yellow' && row.colour === 'green') {
        result.yellow++;
        signals.push({ ...base, kind: 'clock_yellow', dedupeKey: `${row.id}:yellow:${d.due_date}`, data: { label: row.label, dueDate: d.due_date } });
      } else if (d.colour === 'red') {
        result.red++;
        const updated = { ...row, ...d };
        newlyRed.push(updated);
        signals.push({ ...base, kind: redKind(row, parents), dedupeKey: `${row.id}:red:${d.due_date}`, data: { label: row.label, dueDate: d.due_date, limitDays: row.limit_days } });
      } else {
        result.recovered++;
      }
    }
    if (events.length) await trx.insertInto('clock_events').values(events as any).execute();
    await raiseSignals(trx, signals, nowIso);
    await openOrders(trx, cal, now, newlyRed.filter((r) => r.subject_type !== 'supervision_order'), notices);
    await enqueueNotifications(trx, notices, nowIso);
    for (const [type, handler] of Object.entries(opts.onRed ?? {})) {
      const mine = newlyRed.filter((r) => r.subject_type === type);
      if (mine.length) await handler(trx, mine, now);
    }
    if (result.yellow + result.red + result.recovered > 0) {
      await insertAuditEvent(trx, now, systemActor('supervision'), { action: 'supervision.swept', entityType: 'clocks', entityId: 'batch', data: { ...result, red: newlyRed.map((r) => r.id) } });
    }
    return result;
  });
}

async function parentColours(trx: Kysely<Database>, rows: ClockRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.parent_id).filter((p): p is string => !!p))];
  if (!ids.length) return new Map();
  const ps = await trx.selectFrom('clocks').select(['id', 'colour', 'status', 'overdue_at']).where('id', 'in', ids).execute();
  return new Map(ps.map((p) => [p.id, p.colour]));
}

function redKind(row: ClockRow, parents: Map<string, string>): SignalInput['kind'] {
  if (row.subject_type === 'supervision_order') return 'order_answer_overdue';
  if (row.subject_type === 'acceptance') return 'deemed_acceptance';
  if (row.limit_days === 0) return 'instant_not_same_day';
  if (row.parent_id && parents.get(row.parent_id) !== 'red') return 'stage_overrun';
  return 'clock_overdue';
}

/** A red clock opens a supervision order (督办) for its department head, with its own answer clock. */
async function openOrders(trx: Transaction<Database>, cal: WorkingCalendar, now: Date, red: ClockRow[], notices: OutboxInput[]) {
  if (!red.length) return;
  const nowIso = now.toISOString();
  const existing = new Set((await trx.selectFrom('supervision_orders').select('clock_id').where('clock_id', 'in', red.map((r) => r.id)).execute()).map((o) => o.clock_id));
  const fresh = red.filter((r) => !existing.has(r.id));
  if (!fresh.length) return;
  const orders = fresh.map((r) => ({ id: newId(now.getTime()), clock: r }));
  const answerClocks = orders.map((o) => newClockRow(cal, now, {
    subjectType: 'supervision_order', subjectId: o.id, parentId: null, label: `督办答复：${o.clock.label}`, departmentId: o.clock.department_id,
    limitDays: ORDER_ANSWER_DAYS, yellowPct: 67,
  }));
  await trx.insertInto('clocks').values(answerClocks).execute();
  await trx.insertInto('clock_events').values(answerClocks.map((c) => ({ id: newId(now.getTime()), clock_id: c.id, seq: 1, at: nowIso, kind: 'started', actor_id: null, data: toJson({ startDate: c.start_date, limitDays: c.limit_days, label: c.label, dueDate: c.due_date }) }))).execute();
  await trx.insertInto('supervision_orders').values(orders.map((o, i) => ({
    id: o.id, clock_id: o.clock.id, subject_type: o.clock.subject_type, subject_id: o.clock.subject_id, department_id: o.clock.department_id,
    status: 'open', opened_at: nowIso, answer_clock_id: answerClocks[i]!.id, answer: null, answered_at: null, answered_by: null,
    closed_at: null, closed_by: null, close_note: null, version: 1,
  }))).onConflict((oc) => oc.column('clock_id').doNothing()).execute();
  for (const [i, o] of orders.entries()) {
    notices.push({ kind: 'supervision_order_opened', recipientType: 'department_head', recipientId: o.clock.department_id, subjectType: 'supervision_order', subjectId: o.id, payload: { label: o.clock.label, dueDate: o.clock.due_date, answerBy: answerClocks[i]!.due_date } });
  }
}
