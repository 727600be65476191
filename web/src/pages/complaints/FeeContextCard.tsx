import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintsApi, type FeeContext } from '../../api/complaints';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';

type Line = FeeContext['publishedFees'][number];

/** A 乱收费 report's fee form or receipt beside the fee lines the department has published. */
export function FeeContextCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useApi(`complaint-fees:${id}`, (s) => complaintsApi.feeContext(id, s));
  return (
    <Card size="small" title={t('complaints.fees.title')}>
      <Loadable state={q}>
        {(f) => (
          <>
            <Typography.Paragraph>
              {t('complaints.feeReference')}:{' '}
              <Typography.Text strong>{f.feeReference ?? '—'}</Typography.Text>
            </Typography.Paragraph>
            <Table<Line>
              size="small"
              rowKey="code"
              aria-label={t('complaints.fees.published')}
              dataSource={f.publishedFees}
              pagination={false}
              locale={{ emptyText: t('complaints.fees.none') }}
              columns={[
                { title: t('complaints.fees.name'), dataIndex: 'name' },
                { title: t('complaints.fees.standard'), dataIndex: 'standard' },
                { title: t('complaints.fees.basis'), dataIndex: 'basis' },
              ]}
            />
          </>
        )}
      </Loadable>
    </Card>
  );
}
