import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { fromJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound } from '../../server/errors.js';
import type { SpecialDay } from './calendar/calendar-day.js';
import { clockPolicy } from './policy.js';
import { loadCalendar, type ReprojectionListener } from './calendar-store.js';
import { reprojectClocks } from './reproject-clocks.js';

async function pending(db: Db, id: string) {
  const p = await db.selectFrom('calendar_proposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('calendar_proposal', id);
  if (p.status !== 'pending')
    throw new AppError('invalid_state', { state: p.status, action: 'decide', allowed: '—' });
  return p;
}

/**
 * Step two: a second administrator confirms. The year's days are replaced, the year becomes
 * confirmed, and every open deadline that depends on it is re-projected, all in one transaction.
 */
export async function confirmCalendarProposal(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  note?: string,
  listeners: readonly ReprojectionListener[] = [],
) {
  const p = await pending(db, id);
  if (actor.role === 'admin' && actor.id === p.proposed_by) throw new AppError('four_eyes');
  authorize(actor, clockPolicy.confirmCalendar, p.proposed_by, 'calendar.confirm');
  const days = fromJson<SpecialDay[]>(p.days, []);
  const diff = fromJson<{
    added: SpecialDay[];
    removed: SpecialDay[];
    changed: { before: SpecialDay; after: SpecialDay }[];
  }>(p.diff, { added: [], removed: [], changed: [] });
  return audited(db, clock, actor, async (uow) => {
    const res = await uow.db
      .updateTable('calendar_proposals')
      .set({ status: 'confirmed', decided_by: actor.id, decided_at: uow.nowIso, decision_note: note ?? null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError('invalid_state', { state: 'decided', action: 'confirm', allowed: '—' });
    const dec = days.map((d) => d.date).filter((d) => d < `${p.year}-01-01`);
    await uow.db
      .deleteFrom('calendar_days')
      .where((eb) => eb.or([eb('year', '=', p.year), ...(dec.length ? [eb('date', 'in', dec)] : [])]))
      .execute();
    if (days.length)
      await uow.db
        .insertInto('calendar_days')
        .values(
          days.map((d) => ({
            date: d.date,
            year: Number(d.date.slice(0, 4)),
            kind: d.kind,
            name: d.name,
            source: d.source,
          })),
        )
        .execute();
    const existing = await uow.db
      .selectFrom('calendar_years')
      .selectAll()
      .where('year', '=', p.year)
      .executeTakeFirst();
    const change = existing?.confirmed ? 'corrected' : 'confirmed';
    if (existing) {
      await uow.db
        .updateTable('calendar_years')
        .set({
          confirmed: 1,
          source: p.source,
          confirmed_at: uow.nowIso,
          confirmed_by: actor.id,
          revision: existing.revision + 1,
        })
        .where('year', '=', p.year)
        .execute();
    } else {
      await uow.db
        .insertInto('calendar_years')
        .values({
          year: p.year,
          confirmed: 1,
          source: p.source,
          confirmed_at: uow.nowIso,
          confirmed_by: actor.id,
          revision: 1,
        })
        .execute();
    }
    const changedDates = [...diff.added, ...diff.removed, ...diff.changed.map((c) => c.after)]
      .map((d) => d.date)
      .sort();
    // Confirming a provisional year matters to every deadline reaching into it, even if no day changed.
    const firstAffected = change === 'confirmed' ? `${p.year}-01-01` : (changedDates[0] ?? `${p.year}-12-31`);
    const cal = await loadCalendar(uow.db);
    const moved = await reprojectClocks(uow, cal, p.year, firstAffected, change);
    for (const listener of listeners) await listener(uow, cal, moved);
    await uow.audit({
      action: 'calendar.confirmed',
      entityType: 'calendar_year',
      entityId: String(p.year),
      data: {
        proposalId: id,
        proposedBy: p.proposed_by,
        change,
        days: days.length,
        reprojected: moved.length,
      },
    });
    return { year: p.year, change, reprojected: moved.length };
  });
}

export async function rejectCalendarProposal(db: Db, clock: Clock, actor: Actor, id: string, note: string) {
  authorize(actor, clockPolicy.proposeCalendar, undefined, 'calendar.reject');
  const p = await pending(db, id);
  await audited(db, clock, actor, async (uow) => {
    await uow.db
      .updateTable('calendar_proposals')
      .set({ status: 'rejected', decided_by: actor.id, decided_at: uow.nowIso, decision_note: note })
      .where('id', '=', id)
      .execute();
    await uow.audit({
      action: 'calendar.rejected',
      entityType: 'calendar_year',
      entityId: String(p.year),
      data: { proposalId: id, note },
    });
  });
}
