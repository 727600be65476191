import { Alert, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintsApi, type ComplaintStats } from '../../api/complaints';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

type Row = ComplaintStats['departments'][number];
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** Public statistics per department; rates only above the minimum number of tickets, so one fast ticket tops nothing. */
export default function ComplaintStatsPage() {
  const { t } = useTranslation();
  const q = useApi('complaint-stats', (s) => complaintsApi.stats(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('complaints.stats.title')} subtitle={t('complaints.stats.subtitle')} />
      <Loadable state={q}>
        {(s) => {
          const shown = s.departments.filter((d) => d.shown);
          const withheld = s.departments.filter((d) => !d.shown);
          return (
            <>
              <Alert type="info" showIcon title={t('complaints.stats.why', { min: s.minimumTickets })} />
              <Card size="small">
                <Table<Row>
                  size="small"
                  rowKey="departmentId"
                  dataSource={shown}
                  pagination={false}
                  scroll={{ x: true }}
                  locale={{ emptyText: t('complaints.stats.none', { min: s.minimumTickets }) }}
                  columns={[
                    { title: t('complaints.department'), dataIndex: 'department' },
                    { title: t('complaints.stats.tickets'), dataIndex: 'tickets' },
                    {
                      title: t('complaints.stats.onTime'),
                      dataIndex: 'onTimeReplyRate',
                      render: pct,
                    },
                    { title: t('complaints.stats.resolved'), dataIndex: 'resolutionRate', render: pct },
                    {
                      title: t('complaints.stats.returns'),
                      dataIndex: 'returns',
                      render: (n: number | null) => n ?? '—',
                    },
                  ]}
                />
              </Card>
              {withheld.length > 0 && (
                <Typography.Paragraph type="secondary" data-testid="stats-withheld">
                  {t('complaints.stats.withheld', {
                    count: withheld.length,
                    min: s.minimumTickets,
                    names: withheld.map((d) => d.department).join('、'),
                  })}
                </Typography.Paragraph>
              )}
            </>
          );
        }}
      </Loadable>
    </Flex>
  );
}
