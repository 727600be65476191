import { Alert, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../api/complaints';

/** Who reported, as the server shows it to this viewer: the department sees neither name nor contact. */
export function ReporterCard({ ticket }: { ticket: ComplaintView }) {
  const { t } = useTranslation();
  const r = ticket.reporter;
  return (
    <Card size="small" title={t('complaints.reporter')}>
      {r.masked ? (
        <Alert type="info" showIcon title={t('complaints.maskedHelp')} data-testid="reporter-masked" />
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('complaints.reporterName')}>
            {r.anonymous ? <Tag>{t('complaints.report.anonymous')}</Tag> : (r.name ?? '—')}
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.phone')}>{r.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('complaints.email')}>{r.email ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
