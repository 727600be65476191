import { Card, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type InspectionStats } from '../../api/inspections';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

type Row = InspectionStats['departments'][number];

/** Public statistics per department: inspections, share joint, share with findings, complaints. */
export default function InspectionStatsPage() {
  const { t } = useTranslation();
  const q = useApi('inspection-stats', (s) => inspectionsApi.stats(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('inspections.statsTitle')} subtitle={t('inspections.statsSubtitle')} />
      <Loadable state={q}>
        {(s) => (
          <Card size="small">
            <Table<Row>
              size="small"
              rowKey="departmentId"
              dataSource={s.departments}
              pagination={false}
              scroll={{ x: true }}
              columns={[
                { title: t('inspections.department'), dataIndex: 'departmentName' },
                { title: t('inspections.count'), dataIndex: 'inspections' },
                { title: t('inspections.jointPct'), dataIndex: 'jointPct', render: (v: number) => `${v}%` },
                {
                  title: t('inspections.findingsPct'),
                  dataIndex: 'findingsPct',
                  render: (v: number) => `${v}%`,
                },
                { title: t('inspections.complaints'), dataIndex: 'complaints' },
              ]}
            />
          </Card>
        )}
      </Loadable>
    </Flex>
  );
}
