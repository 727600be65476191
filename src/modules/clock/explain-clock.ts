import { fromJson } from '../../shared/json.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import { holidayNameEn } from './calendar/holiday-names.js';
import type { ClockRow } from './repository.js';
import { localDate } from './local-time.js';

export interface Reason {
  code:
    | 'start'
    | 'instant'
    | 'holiday'
    | 'makeup_workday'
    | 'pause'
    | 'pause_open'
    | 'extension'
    | 'reprojected'
    | 'provisional'
    | 'due'
    | 'stopped';
  zh: string;
  en: string;
  data: Record<string, unknown>;
}

interface EventLike {
  kind: string;
  at: string;
  data: string;
}

const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const enDate = (d: string) =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** How a clock ended, in words (the codes its callers stop it with); an unknown code is shown as it is. */
export const OUTCOME_TEXT: Readonly<Record<string, { zh: string; en: string }>> = {
  accepted: { zh: '已受理', en: 'accepted' },
  not_accepted: { zh: '不予受理', en: 'not accepted' },
  supplement_requested: { zh: '已通知补正', en: 'supplement requested' },
  approved: { zh: '准予许可', en: 'approved' },
  refused: { zh: '不予许可', en: 'refused' },
  delivered: { zh: '已送达', en: 'delivered' },
  withdrawn: { zh: '申请人撤回', en: 'withdrawn by the applicant' },
  answered: { zh: '已答复', en: 'answered' },
  handed_over: { zh: '已移交', en: 'handed over' },
  closed: { zh: '已关闭', en: 'closed' },
  opened: { zh: '已立案', en: 'opened' },
  filed: { zh: '已报送', en: 'filed' },
  reviewed: { zh: '已审核', en: 'reviewed' },
  rejected: { zh: '未通过', en: 'rejected' },
  paid: { zh: '已支付', en: 'paid' },
};

/** The reasons any deadline carries: start, holidays skipped, makeup workdays counted. */
export function deadlineReasons(
  cal: WorkingCalendar,
  start: string,
  limitDays: number,
  totalDays: number,
): Reason[] {
  const out: Reason[] = [];
  const c = { start_date: start, limit_days: limitDays };
  const total = totalDays;
  if (c.limit_days === 0) {
    out.push({
      code: 'instant',
      zh: `即办件：${c.start_date} 当日办结`,
      en: `Instant matter: to be finished on ${enDate(c.start_date)}`,
      data: { startDate: c.start_date },
    });
  } else {
    out.push({
      code: 'start',
      zh: `自 ${c.start_date} 起算（当日不计入），时限 ${c.limit_days} 个工作日`,
      en: `Counted from ${enDate(c.start_date)} (that day not counted), limit ${c.limit_days} working days`,
      data: { startDate: c.start_date, limitDays: c.limit_days },
    });
  }
  const ex = cal.explain(c.start_date, total);
  for (const h of ex.skipped) {
    const range = h.from === h.to ? md(h.from) : `${md(h.from)}至${md(h.to)}`;
    out.push({
      code: 'holiday',
      zh: `跳过${h.name}假期 ${range}（${h.days}天）`,
      en:
        `Skipped ${holidayNameEn(h.name)} ${h.from === h.to ? enDate(h.from) : `${enDate(h.from)} – ${enDate(h.to)}`} (${h.days} ` +
        `day${h.days > 1 ? 's' : ''})`,
      data: { ...h },
    });
  }
  for (const m of ex.makeupWorkdays) {
    out.push({
      code: 'makeup_workday',
      zh: `${md(m.date)}为${m.name}调休上班日，计入时限`,
      en: `${enDate(m.date)} is a makeup workday (${holidayNameEn(m.name)}) and counts`,
      data: { ...m },
    });
  }
  return out;
}

export function provisionalReason(cal: WorkingCalendar, start: string, due: string): Reason[] {
  const years = cal.provisionalYearsBetween(start, due);
  return years.length
    ? [
        {
          code: 'provisional',
          zh: `${years.join('、')} 年节假日安排尚未确认，截止日期为暂定`,
          en: `The ${years.join(', ')} holiday notice is not yet confirmed; the deadline is provisional`,
          data: { years },
        },
      ]
    : [];
}

export const dueReason = (due: string): Reason => ({
  code: 'due',
  zh: `截止 ${due}（当日下班前办结）`,
  en: `Due ${enDate(due)} (by the end of that day)`,
  data: { dueDate: due },
});

/** What the clock events this explanation reads record (pause-clock, extend-clock, reproject-clocks). */
interface EventData {
  date: string;
  reason: string;
  notice: string;
  since: string;
  pausedDays: number;
  days: number;
  approvedBy: string;
  approvedByName: string;
  year: number;
  change: string;
  previousDueDate: string;
  dueDate: string;
}

/**
 * A deadline that explains itself, as a person would read it: where the count started, which
 * holidays it skipped, which makeup workdays it counted, pauses, extensions, re-projections.
 */
export function explainClock(
  cal: WorkingCalendar,
  c: ClockRow,
  events: EventLike[],
  today: string,
  audience: 'staff' | 'public' = 'staff',
): Reason[] {
  const out = deadlineReasons(
    cal,
    c.start_date,
    c.limit_days,
    c.limit_days + c.extension_days + c.paused_days,
  );
  let openPause: { since: string; reason: string; notice: string } | undefined;
  for (const e of events) {
    const d = fromJson<Partial<EventData>>(e.data, {}) as EventData;
    if (e.kind === 'paused') openPause = { since: d.date, reason: d.reason, notice: d.notice };
    if (e.kind === 'resumed') {
      const p = openPause ?? { since: d.since, reason: '', notice: '' };
      out.push({
        code: 'pause',
        zh: `因${p.reason}暂停 ${d.pausedDays} 个工作日（${p.since} 起，书面告知 ${p.notice}）`,
        en: `Paused ${d.pausedDays} working day(s) for ${p.reason} (from ${enDate(p.since)}, notice ${p.notice})`,
        data: { ...p, days: d.pausedDays },
      });
      openPause = undefined;
    }
    if (e.kind === 'extended') {
      // The public page says who in office terms (Art. 42: the agency's head), not which account.
      out.push(
        audience === 'public'
          ? {
              code: 'extension',
              zh: `经本机关负责人批准延长 ${d.days} 个工作日：${d.reason}`,
              en: `Extended by ${d.days} working day(s), approved by the agency's head: ${d.reason}`,
              data: { days: d.days, reason: d.reason },
            }
          : {
              code: 'extension',
              zh: `经${d.approvedByName}批准延长 ${d.days} 个工作日：${d.reason}`,
              en: `Extended by ${d.days} working day(s), approved by ${d.approvedByName}: ${d.reason}`,
              data: { days: d.days, approvedBy: d.approvedBy, reason: d.reason },
            },
      );
    }
    if (e.kind === 'reprojected') {
      out.push({
        code: 'reprojected',
        zh: `因 ${d.year} 年节假日安排${d.change === 'corrected' ? '更正' : '确认'}，截止日期由 ${d.previousDueDate} 调整为 ${d.dueDate}`,
        en: `Re-projected because the ${d.year} calendar was ${d.change === 'corrected' ? 'corrected' : 'confirmed'}: ${d.previousDueDate} → ${d.dueDate}`,
        data: { year: d.year, from: d.previousDueDate, to: d.dueDate },
      });
    }
  }
  if (openPause && c.status === 'paused') {
    const n = Math.max(0, cal.workingDaysBetween(openPause.since, today));
    out.push({
      code: 'pause_open',
      zh: `因${openPause.reason}暂停中（${openPause.since} 起，已 ${n} 个工作日，书面告知 ${openPause.notice}），恢复后顺延`,
      en:
        `Paused for ${openPause.reason} since ${enDate(openPause.since)} (${n} working day(s) so far, notice ${openPause.notice}); the ` +
        `deadline moves when it resumes`,
      data: { ...openPause, days: n },
    });
  }
  out.push(...provisionalReason(cal, c.start_date, c.due_date), dueReason(c.due_date));
  if (c.status === 'stopped') {
    const onTime = c.stopped_at !== null && c.stopped_at < c.overdue_at;
    // The day it ended where the center is (not the UTC date), and how, in words.
    const day = c.stopped_at ? localDate(new Date(c.stopped_at)) : '';
    const how = OUTCOME_TEXT[c.outcome ?? ''] ?? { zh: c.outcome ?? '', en: c.outcome ?? '' };
    out.push({
      code: 'stopped',
      zh: `已于 ${day} 结束（${how.zh}），${onTime ? '按时' : '超期'}`,
      en: `Stopped on ${day ? enDate(day) : ''} (${how.en}), ${onTime ? 'on time' : 'late'}`,
      data: { outcome: c.outcome, date: day, onTime },
    });
  }
  return out;
}
