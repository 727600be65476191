import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import { diffYear, parseDateRanges, parseHolidayCn } from './calendar/holiday-cn.js';
import type { SpecialDay } from './calendar/calendar-day.js';
import { clockPolicy } from './policy.js';

export type ProposalInput =
  | { format: 'holiday-cn'; content: unknown; source: string }
  | { format: 'ranges'; year: number; content: string; source: string };

/** The days a notice covers: its year, and any days of the previous December it moves. */
export async function currentDaysFor(db: Db, year: number, days: SpecialDay[]): Promise<SpecialDay[]> {
  const decDates = days.map((d) => d.date).filter((d) => d < `${year}-01-01`);
  const rows = await db
    .selectFrom('calendar_days')
    .selectAll()
    .where((eb) => eb.or([eb('year', '=', year), ...(decDates.length ? [eb('date', 'in', decDates)] : [])]))
    .orderBy('date')
    .execute();
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind as SpecialDay['kind'],
    name: r.name,
    source: r.source,
  }));
}

/**
 * Step one of loading a year's State Council notice: parse, validate, and show what it changes.
 * Nothing takes effect until a second administrator confirms.
 */
export async function proposeCalendarYear(db: Db, clock: Clock, actor: Actor, input: ProposalInput) {
  authorize(actor, clockPolicy.proposeCalendar, undefined, 'calendar.propose');
  const parsed =
    input.format === 'holiday-cn'
      ? parseHolidayCn(input.content, input.source)
      : parseDateRanges(input.content, input.year, input.source);
  if ('errors' in parsed) {
    throw new AppError(
      'calendar_invalid',
      { count: parsed.errors.length },
      parsed.errors.map((e) => ({ path: e.path, code: 'calendar', zh: e.zh, en: e.en })),
    );
  }
  const current = await currentDaysFor(db, parsed.year, parsed.days);
  const diff = diffYear(current, parsed.days);
  return audited(db, clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await uow.db
      .insertInto('calendar_proposals')
      .values({
        id,
        year: parsed.year,
        source: input.source,
        days: toJson(parsed.days),
        diff: toJson(diff),
        status: 'pending',
        proposed_by: actor.id,
        proposed_at: uow.nowIso,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
    await uow.audit({
      action: 'calendar.proposed',
      entityType: 'calendar_year',
      entityId: String(parsed.year),
      data: {
        proposalId: id,
        source: input.source,
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
      },
    });
    return { id, year: parsed.year, days: parsed.days, diff };
  });
}
