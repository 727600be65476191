import { Table, Tag } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LetterSummary } from '../../api/letters';
import { enumLabel } from '../../domain/enums';
import { formatDate } from '../../format/date';
import { ColourTag } from '../../components/ColourTag';

const STATE_COLOUR: Record<string, string> = { registered: 'blue', assigned: 'gold', answered: 'green' };

/** Letters in a table: number, who wrote, subject, department, deadline with its light, state. */
export function LetterTable({
  items,
  pagination = false,
}: {
  items: LetterSummary[];
  pagination?: TablePaginationConfig | false;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table<LetterSummary>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={pagination}
      scroll={{ x: true }}
      rowClassName={(r) => (r.overdue ? 'ow-row-red' : '')}
      columns={[
        {
          title: t('letters.number'),
          dataIndex: 'number',
          render: (no: string, r) => <Link to={`/letters/${r.id}`}>{no}</Link>,
        },
        { title: t('letters.kind'), dataIndex: 'kind', render: (k: string) => enumLabel(t, 'letterKind', k) },
        {
          title: t('letters.sender'),
          render: (_, r) => [r.senderName, r.senderOrganization].filter(Boolean).join(' · '),
        },
        { title: t('letters.subject'), dataIndex: 'subject' },
        {
          title: t('letters.receivedDate'),
          dataIndex: 'receivedDate',
          render: (d: string) => formatDate(d, lang, false),
        },
        {
          title: t('letters.department'),
          dataIndex: 'departmentName',
          render: (n: string | null) => n ?? '—',
        },
        {
          title: t('letters.dueDate'),
          render: (_, r) =>
            r.dueDate ? (
              <>
                {formatDate(r.dueDate, lang, false)}{' '}
                {r.state !== 'answered' && <ColourTag colour={r.colour} />}
              </>
            ) : (
              '—'
            ),
        },
        {
          title: t('common.status'),
          render: (_, r) => (
            <>
              <Tag color={STATE_COLOUR[r.state]}>{enumLabel(t, 'letterState', r.state)}</Tag>
              {r.overdue && <Tag color="red">{t('letters.overdue')}</Tag>}
              {r.extensionPending && <Tag color="orange">{t('letters.extensionPending')}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}
