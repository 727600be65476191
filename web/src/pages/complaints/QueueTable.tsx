import type { ReactNode } from 'react';
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../api/complaints';
import { enumLabel } from '../../domain/enums';
import { formatDate, formatInstant } from '../../format/date';
import { useDepartments } from '../../hooks/use-departments';
import { ColourTag } from '../../components/ColourTag';
import { useCategories } from './use-categories';

/** Tickets in a table: number, category, department, reporter (as the server sends it: masked or not), deadline. */
export function QueueTable({
  items,
  actions,
  ariaLabel,
}: {
  items: QueueRow[];
  actions?: (r: QueueRow) => ReactNode;
  ariaLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const depts = useDepartments();
  const cats = useCategories();
  return (
    <Table<QueueRow>
      size="small"
      rowKey="id"
      aria-label={ariaLabel}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: true }}
      rowClassName={(r) => (r.colour === 'red' ? 'ow-row-red' : '')}
      columns={[
        {
          title: t('complaints.ticketNo'),
          dataIndex: 'ticketNo',
          render: (no: string, r) => <Link to={`/complaints/tickets/${r.id}`}>{no}</Link>,
        },
        {
          title: t('complaints.category'),
          render: (_, r) => (
            <>
              {cats.name(r.category)} {r.urgent && <Tag color="red">{t('complaints.urgent')}</Tag>}
              {r.route === 'supervisors' && <Tag color="purple">{t('complaints.leadership')}</Tag>}
            </>
          ),
        },
        {
          title: t('complaints.department'),
          render: (_, r) => depts.name(r.assignedDepartmentId ?? r.departmentId),
        },
        {
          title: t('complaints.reporter'),
          dataIndex: 'reporterName',
          render: (n: string | null) => n ?? <Tag>{t('complaints.masked')}</Tag>,
        },
        {
          title: t('complaints.createdAt'),
          dataIndex: 'createdAt',
          render: (d: string) => formatInstant(d, lang),
        },
        {
          title: t('complaints.dueDate'),
          render: (_, r) =>
            r.dueDate ? (
              <>
                {formatDate(r.dueDate, lang, false)} <ColourTag colour={r.colour} />
              </>
            ) : (
              '—'
            ),
        },
        {
          title: t('common.status'),
          render: (_, r) => (
            <>
              <Tag>{enumLabel(t, 'complaintState', r.state)}</Tag>
              {r.returnCount > 0 && (
                <Tag color="orange">{t('complaints.returns', { count: r.returnCount })}</Tag>
              )}
              {r.reopenCount > 0 && (
                <Tag color="magenta">{t('complaints.reopens', { count: r.reopenCount })}</Tag>
              )}
            </>
          ),
        },
        ...(actions ? [{ title: t('common.actions'), render: (_: unknown, r: QueueRow) => actions(r) }] : []),
      ]}
    />
  );
}
