import { Alert, Button, Descriptions, Result, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Submitted } from '../../api/complaints';
import { formatDate } from '../../format/date';

/** What the reporter must keep: the ticket number and the check code, shown once. */
export function ReportReceipt({ submitted, onAnother }: { submitted: Submitted; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={t('complaints.report.done')}
      subTitle={t('complaints.report.keep')}
      extra={[
        <Button
          key="track"
          type="primary"
          onClick={() => navigate(`/complaints/track?ticket=${encodeURIComponent(submitted.ticketNo)}`)}
        >
          {t('complaints.report.trackNow')}
        </Button>,
        <Button key="again" onClick={onAnother}>
          {t('complaints.report.another')}
        </Button>,
      ]}
    >
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('complaints.ticketNo')}>
          <Typography.Text strong copyable data-testid="ticket-no">
            {submitted.ticketNo}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.checkCode')}>
          <Typography.Text strong copyable data-testid="check-code">
            {submitted.checkCode}
          </Typography.Text>
        </Descriptions.Item>
        {submitted.acceptanceDueDate && (
          <Descriptions.Item label={t('complaints.report.acceptanceDue')}>
            {formatDate(submitted.acceptanceDueDate, i18n.language)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Alert style={{ marginTop: 16 }} type="warning" showIcon title={t('complaints.report.codeOnce')} />
      {submitted.possibleDuplicates.length > 0 && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          title={t('complaints.report.duplicates', { count: submitted.possibleDuplicates.length })}
        />
      )}
    </Result>
  );
}
