import { useMemo } from 'react';
import { Link } from 'react-router';
import { Card, Flex, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type Overview } from '../../api/inspections';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { EChart } from '../../components/EChart';
import { formatInstant } from '../../format/date';

type Dept = Overview['departments'][number];
type Flag = Overview['flagged'][number];
type Enterprise = Overview['enterprises'][number];

/** The signals the supervisors follow per department, in the order of the table's columns. */
const WATCHED = [
  'inspection_over_cap',
  'inspection_unregistered',
  'inspection_penalty_outside',
  'inspection_result_late',
] as const;

/**
 * The supervisors' city view of enterprise inspections: per department the inspections, the share
 * joint and with findings, complaints, caps reached and the violations (unregistered starts,
 * penalties outside their standard, late results); every open signal with a link to its inspection;
 * the enterprises inspected most.
 */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const q = useApi('inspection-overview', (s) => inspectionsApi.overview(undefined, s));
  const option = useMemo(() => {
    const d = q.data?.departments ?? [];
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: {
        type: 'category',
        data: d.map((x) => x.departmentName),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('inspections.count'), type: 'bar', data: d.map((x) => x.inspections) },
        {
          name: t('inspections.violations'),
          type: 'bar',
          data: d.map((x) => WATCHED.reduce((s, k) => s + (x.signals[k] ?? 0), 0)),
        },
      ],
    };
  }, [q.data, t]);
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('inspections.overviewTitle')} subtitle={t('inspections.overviewSubtitle')} />
      <Loadable state={q}>
        {(o) => (
          <>
            <Flex gap="middle" wrap>
              <Card size="small">
                <Statistic title={t('inspections.year')} value={o.year} groupSeparator="" />
              </Card>
              <Card size="small">
                <Statistic
                  title={t('inspections.count')}
                  value={o.departments.reduce((s, d) => s + d.inspections, 0)}
                />
              </Card>
              <Card size="small">
                <Statistic title={t('inspections.openSignals')} value={o.openSignals} />
              </Card>
            </Flex>
            <Card size="small" title={t('inspections.byDepartment')}>
              {o.departments.length > 0 && (
                <EChart option={option} height={260} label={t('inspections.chartLabel')} />
              )}
              <Table<Dept>
                size="small"
                rowKey="departmentId"
                dataSource={o.departments}
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
                  ...WATCHED.map((k) => ({
                    title: t(`enum.signalKind.${k}`),
                    key: k,
                    render: (_: unknown, d: Dept) => d.signals[k] ?? 0,
                  })),
                ]}
              />
            </Card>
            <Card size="small" title={t('inspections.flaggedTitle')}>
              <Table<Flag>
                size="small"
                rowKey="signalId"
                dataSource={o.flagged}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: true }}
                locale={{ emptyText: t('inspections.noSignals') }}
                columns={[
                  {
                    title: t('inspections.signal'),
                    dataIndex: 'kind',
                    render: (k: string) => <Tag color="red">{t(`enum.signalKind.${k}`)}</Tag>,
                  },
                  {
                    title: t('inspections.department'),
                    dataIndex: 'departmentName',
                    render: (v) => v ?? '—',
                  },
                  {
                    title: t('inspections.enterprise'),
                    dataIndex: 'enterpriseName',
                    render: (v) => v ?? '—',
                  },
                  {
                    title: t('inspections.number'),
                    dataIndex: 'inspectionNumber',
                    render: (n: string | null, f) =>
                      n && f.inspectionId ? <Link to={`/inspections/${f.inspectionId}`}>{n}</Link> : '—',
                  },
                  {
                    title: t('inspections.raisedAt'),
                    dataIndex: 'raisedAt',
                    render: (v: string) => formatInstant(v, i18n.language),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('inspections.enterprisesTitle')}>
              <Table<Enterprise>
                size="small"
                rowKey="id"
                dataSource={o.enterprises}
                pagination={false}
                scroll={{ x: true }}
                columns={[
                  { title: t('inspections.enterprise'), dataIndex: 'name' },
                  { title: t('inspections.creditCode'), dataIndex: 'creditCode' },
                  { title: t('inspections.count'), dataIndex: 'inspections' },
                  { title: t('inspections.departmentsCount'), dataIndex: 'departments' },
                  { title: t('inspections.openSignals'), dataIndex: 'signals' },
                ]}
              />
            </Card>
          </>
        )}
      </Loadable>
    </Flex>
  );
}
