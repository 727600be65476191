import { Alert, Card, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrackView } from '../../api/complaints';
import { enumLabel } from '../../domain/enums';
import { formatDate, formatInstant } from '../../format/date';
import { ReporterActions } from './ReporterActions';
import { useCategories } from './use-categories';

/** What the reporter sees of the ticket: where it stands, the steps taken, the due date and the reply. */
export function TrackedTicket({
  ticket,
  code,
  onChanged,
}: {
  ticket: TrackView;
  code: string;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cats = useCategories();
  return (
    <Flex vertical gap="middle">
      <Card size="small" title={t('complaints.ticketTitle', { ticketNo: ticket.ticketNo })}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('common.status')}>
            <Tag data-testid="complaint-state">{enumLabel(t, 'complaintState', ticket.state)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.category')}>{cats.name(ticket.category)}</Descriptions.Item>
          <Descriptions.Item label={t('complaints.department')}>{ticket.department}</Descriptions.Item>
          <Descriptions.Item label={t('complaints.dueDate')}>
            {ticket.dueDate ? formatDate(ticket.dueDate, lang) : '—'}
          </Descriptions.Item>
          {ticket.rating !== null && (
            <Descriptions.Item label={t('complaints.rating')}>
              {t(`complaints.ratingLabel.${ticket.rating}`)}
            </Descriptions.Item>
          )}
        </Descriptions>
        {ticket.mergedIntoTicketNo && (
          <Alert
            type="info"
            showIcon
            title={t('complaints.mergedInto', { ticketNo: ticket.mergedIntoTicketNo })}
          />
        )}
        {ticket.refusalReasons && (
          <Alert
            type="warning"
            showIcon
            title={t('complaints.refused')}
            description={ticket.refusalReasons.join('；')}
          />
        )}
      </Card>
      {ticket.reply && (
        <Card size="small" title={t('complaints.reply')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{ticket.reply}</Typography.Paragraph>
        </Card>
      )}
      <Card size="small" title={t('complaints.steps')}>
        <Timeline
          aria-label={t('complaints.steps')}
          items={ticket.steps.map((s, i) => ({
            key: i,
            content: (
              <>
                <Typography.Text strong>{enumLabel(t, 'complaintStep', s.kind)}</Typography.Text>{' '}
                <Typography.Text type="secondary">{formatInstant(s.at, lang)}</Typography.Text>
              </>
            ),
          }))}
        />
      </Card>
      <ReporterActions ticket={ticket} code={code} onChanged={onChanged} />
    </Flex>
  );
}
