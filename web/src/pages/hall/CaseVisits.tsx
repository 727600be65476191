import { Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hallApi } from '../../api/hall';
import { useApi } from '../../hooks/use-api';

/** 跑动次数 on a case's page: how many times the applicant came to the hall, against the promise. */
export function CaseVisits({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useApi(`hall-visits:${caseId}`, (s) => hallApi.visits(caseId, s));
  const v = q.data;
  if (!v) return null;
  return (
    <Card size="small" title={<h2 className="ow-section-title">{t('hall.visits.title')}</h2>}>
      <Typography.Text data-testid="case-visits">
        {t('hall.visits.count', { n: v.count })}
        {v.promised !== null && ` · ${t('hall.visits.promised', { n: v.promised })}`}
      </Typography.Text>
      {v.exceeded && (
        <Tag color="red" style={{ marginLeft: 8 }}>
          {t('hall.visits.exceeded')}
        </Tag>
      )}
      {v.visits.map((x) => (
        <div key={x.ticketNumber + x.visitedAt}>
          <Typography.Text type="secondary">
            {t('hall.visits.one', {
              number: x.ticketNumber,
              at: new Date(x.visitedAt).toLocaleString(),
              wait: Math.round((x.waitSeconds ?? 0) / 60),
              service: Math.round((x.serviceSeconds ?? 0) / 60),
            })}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}
