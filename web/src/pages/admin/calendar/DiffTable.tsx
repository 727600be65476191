import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarProposal } from '../../../api/admin-types';
import type { SpecialDay } from '../../../api/types';
import { enumLabel } from '../../../domain/enums';
import { holidayName } from '../../../domain/holidays';

interface Row {
  key: string;
  change: 'added' | 'removed' | 'changed';
  date: string;
  before?: SpecialDay;
  after?: SpecialDay;
}

/** What confirming the notice would change: days added, removed, or changed in kind or name. */
export function DiffTable({ diff }: { diff: CalendarProposal['diff'] }) {
  const { t, i18n } = useTranslation();
  const rows: Row[] = [
    ...diff.added.map((d) => ({ key: `a${d.date}`, change: 'added' as const, date: d.date, after: d })),
    ...diff.removed.map((d) => ({ key: `r${d.date}`, change: 'removed' as const, date: d.date, before: d })),
    ...diff.changed.map((c) => ({
      key: `c${c.after.date}`,
      change: 'changed' as const,
      date: c.after.date,
      before: c.before,
      after: c.after,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const day = (d?: SpecialDay) =>
    d ? `${holidayName(d.name, i18n.language)} · ${enumLabel(t, 'dayKind', d.kind)}` : '—';
  const colour = { added: 'green', removed: 'red', changed: 'orange' };
  if (rows.length === 0) return <span>{t('adminCalendar.noChange')}</span>;
  return (
    <Table<Row>
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      columns={[
        { title: t('calendar.date'), dataIndex: 'date' },
        {
          title: t('adminCalendar.change'),
          dataIndex: 'change',
          render: (c: Row['change']) => <Tag color={colour[c]}>{t(`adminCalendar.${c}`)}</Tag>,
        },
        { title: t('adminCalendar.before'), render: (_, r) => day(r.before) },
        { title: t('adminCalendar.after'), render: (_, r) => day(r.after) },
      ]}
    />
  );
}
