import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { complaintsApi, type ComplaintView } from '../../api/complaints';
import { enumLabel } from '../../domain/enums';
import { useApi } from '../../hooks/use-api';
import { messageOf } from '../../components/ProblemAlert';

/** Likely duplicates (same department, category, time or place, similar text): merge this ticket into one. */
export function DuplicatesCard({ ticket, onChanged }: { ticket: ComplaintView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useApi(`complaint-dups:${ticket.id}:${ticket.version}`, (s) =>
    complaintsApi.duplicates(ticket.id, s),
  );
  const merge = async (intoId: string) => {
    try {
      await complaintsApi.act(ticket.id, 'merge', { version: ticket.version, intoId });
      message.success(t('complaints.done'));
      onChanged();
    } catch (e) {
      message.error(messageOf(e, t));
    }
  };
  return (
    <Card size="small" title={t('complaints.duplicates.title')}>
      {q.data && q.data.items.length === 0 && (
        <Typography.Text type="secondary">{t('complaints.duplicates.none')}</Typography.Text>
      )}
      <Flex vertical gap="small">
        {(q.data?.items ?? []).map((d) => (
          <Flex key={d.id} justify="space-between" align="center" gap="small" wrap>
            <span>
              <Link to={`/complaints/tickets/${d.id}`}>{d.ticketNo}</Link>{' '}
              <Tag>{enumLabel(t, 'complaintState', d.state)}</Tag>
              <Typography.Text type="secondary">
                {t('complaints.duplicates.score', { score: Math.round(d.score * 100) })}
                {d.near ? ` · ${t('complaints.duplicates.near')}` : ''}
              </Typography.Text>
            </span>
            <Popconfirm
              title={t('complaints.duplicates.confirm', { ticketNo: d.ticketNo })}
              okText={t('complaints.action.merge')}
              cancelText={t('common.cancel')}
              onConfirm={() => merge(d.id)}
            >
              <Button size="small">{t('complaints.duplicates.mergeInto', { ticketNo: d.ticketNo })}</Button>
            </Popconfirm>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
