import { Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../domain/enums';
import { formatDate, formatInstant, isCivilDate } from '../../format/date';

export interface ClockEvent {
  seq: number;
  kind: string;
  at: string;
  data: Record<string, unknown>;
}

// The event data the clock module writes, in the order a reader wants them; anything else is left out.
const FIELDS = [
  'date',
  'startDate',
  'limitDays',
  'days',
  'reason',
  'outcome',
  'from',
  'to',
  'year',
  'previousDueDate',
  'dueDate',
] as const;

/** One event's data as sentences ("原期限 … → 新期限 …"), never JSON. */
export function describeClockEvent(data: Record<string, unknown>, t: TFunction, lang: string): string[] {
  const lines: string[] = [];
  const value = (k: string, v: unknown): string => {
    if (typeof v === 'string' && isCivilDate(v)) return formatDate(v, lang, false);
    if ((k === 'from' || k === 'to') && typeof v === 'string') return enumLabel(t, 'colour', v);
    if ((k === 'limitDays' || k === 'days') && typeof v === 'number')
      return t('guide.workdays', { count: v });
    if (k === 'outcome') return t(`ux.clockOutcome.${String(v)}`, { defaultValue: String(v) });
    return String(v);
  };
  for (const k of FIELDS) {
    const v = data[k];
    if (v === undefined || v === null || v === '' || typeof v === 'object') continue;
    // A due date that did not move says nothing.
    if (k === 'previousDueDate' && v === data.dueDate) continue;
    if (k === 'dueDate' && data.previousDueDate === v) continue;
    lines.push(t('ux.fieldLine', { label: t(`ux.clockField.${k}`), value: value(k, v) }));
  }
  return lines;
}

/** A clock's append-only history, readable: what happened, when, and what it changed. */
export function ClockHistory({ history }: { history: ClockEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      items={history.map((h) => ({
        key: h.seq,
        title: formatInstant(h.at, i18n.language),
        content: (
          <>
            <Typography.Text strong>{enumLabel(t, 'clockEvent', h.kind)}</Typography.Text>
            {describeClockEvent(h.data, t, i18n.language).map((l) => (
              <div key={l}>{l}</div>
            ))}
          </>
        ),
      }))}
    />
  );
}
