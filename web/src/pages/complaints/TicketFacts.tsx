import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintsApi, type ComplaintView } from '../../api/complaints';
import { formatDate } from '../../format/date';
import { ColourTag } from '../../components/ColourTag';
import { useCategories } from './use-categories';

/** What was reported and about whom, where the ticket stands on its clock, and what was decided. */
export function TicketFacts({ ticket: c }: { ticket: ComplaintView }) {
  const { t, i18n } = useTranslation();
  const cats = useCategories();
  const lang = i18n.language;
  const clock = c.clocks.find((k) => k.status === 'running') ?? c.clocks[c.clocks.length - 1];
  return (
    <Card size="small">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('complaints.category')}>
          {cats.name(c.category.code)} {c.urgent && <Tag color="red">{t('complaints.urgent')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.channel')}>
          {t(`complaints.channels.${c.channel}`, { defaultValue: c.channel })}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.department')}>{c.department.name}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.assignedDepartment')}>
          {c.assignedDepartment?.name ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.dueDate')}>
          {clock ? (
            <>
              {formatDate(clock.dueDate, lang, false)} <ColourTag colour={clock.colour} />
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.counts')}>
          {t('complaints.returns', { count: c.returnCount })} ·{' '}
          {t('complaints.reopens', { count: c.reopenCount })}
        </Descriptions.Item>
        {c.concerns.caseReceiptNo && (
          <Descriptions.Item label={t('complaints.caseReceiptNo')}>
            {c.concerns.caseReceiptNo}
          </Descriptions.Item>
        )}
        {c.concerns.feeReference && (
          <Descriptions.Item label={t('complaints.feeReference')}>
            {c.concerns.feeReference}
          </Descriptions.Item>
        )}
        {c.concerns.staffNamed && (
          <Descriptions.Item label={t('complaints.staffNamed')}>{c.concerns.staffNamed}</Descriptions.Item>
        )}
        {c.location?.text && (
          <Descriptions.Item label={t('complaints.location')}>{c.location.text}</Descriptions.Item>
        )}
        {c.callbackNote && (
          <Descriptions.Item label={t('complaints.form.callbackNote')}>{c.callbackNote}</Descriptions.Item>
        )}
        {c.rating !== null && (
          <Descriptions.Item label={t('complaints.rating')}>
            {t(`complaints.ratingLabel.${c.rating}`)}
          </Descriptions.Item>
        )}
      </Descriptions>
      {c.route === 'supervisors' && <Alert type="info" showIcon title={t('complaints.leadershipRoute')} />}
      {c.mergedIntoTicketNo && (
        <Alert type="info" showIcon title={t('complaints.mergedInto', { ticketNo: c.mergedIntoTicketNo })} />
      )}
      {c.refusalReasons && (
        <Alert
          type="warning"
          showIcon
          title={t('complaints.refused')}
          description={c.refusalReasons.join('；')}
        />
      )}
      <Typography.Title level={5}>{t('complaints.description')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>
    </Card>
  );
}

/** The reporter's files, downloaded through the ticket (whoever may read it). */
export function Attachments({ ticket }: { ticket: ComplaintView }) {
  const { t } = useTranslation();
  if (ticket.attachments.length === 0) return null;
  return (
    <Card size="small" title={t('complaints.attachments')}>
      {ticket.attachments.map((a) => (
        <div key={a.id}>
          <Typography.Link href={complaintsApi.attachmentUrl(ticket.id, a.id)}>{a.name}</Typography.Link>{' '}
          <Typography.Text type="secondary">({Math.ceil(a.size / 1024)} KB)</Typography.Text>
        </div>
      ))}
    </Card>
  );
}
