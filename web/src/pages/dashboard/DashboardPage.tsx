import { useCallback, useMemo } from 'react';
import { Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { dashboardApi, type DashboardDepartment, type DashboardFigure } from '../../api/dashboard';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { EChart } from '../../components/EChart';
import { ButtonLink } from '../../components/ButtonLink';
import { formatDate, formatInstant } from '../../format/date';
import { SampleNote } from './SampleTag';
import { departmentBars } from './dashboard-chart';
import { localShortName } from '../../i18n/local-name';

const active = (d: DashboardDepartment) =>
  Object.values(d.figures).some((f) => f.sample > 0) ||
  d.complaints.tickets > 0 ||
  d.inspections.inspections > 0 ||
  d.commitments.kept + d.commitments.notKept + d.commitments.pending > 0;

/** A figure in a table cell: the value, its sample, a "*" when the sample is small. */
function Cell({ f, unit }: { f: DashboardFigure; unit: string }) {
  const { t } = useTranslation();
  if (f.value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {f.value}
      {unit}
      {f.smallSample && <abbr title={t('dashboard.smallSample')}>*</abbr>}
      <Typography.Text type="secondary" className="ow-small">
        {' '}
        ({f.sample})
      </Typography.Text>
    </span>
  );
}

/** The public dashboard (政务服务效能公开): anyone may open it; figures are a minute old at most. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const state = useApi('dashboard', (s) => dashboardApi.dashboard(s));
  const d = state.data;
  const shown = useMemo(() => (d ? d.departments.filter(active) : []), [d]);
  const deptLabel = useCallback((x: DashboardDepartment) => localShortName(x, lang), [lang]);
  const charts = useMemo(
    () =>
      d
        ? {
            service: departmentBars(
              shown.filter((x) => x.figures.on_time_rate.sample + x.figures.satisfaction.sample > 0),
              [
                { measure: 'on_time_rate', name: t('dashboard.measure.on_time_rate'), color: '#1677ff' },
                { measure: 'satisfaction', name: t('dashboard.measure.satisfaction'), color: '#389e0d' },
              ],
              '%',
              deptLabel,
            ),
            complaints: departmentBars(
              shown.filter((x) => x.figures.complaint_reply_rate.sample > 0),
              [
                {
                  measure: 'complaint_reply_rate',
                  name: t('dashboard.measure.complaint_reply_rate'),
                  color: '#d46b08',
                },
              ],
              '%',
              deptLabel,
            ),
          }
        : null,
    [d, shown, t, deptLabel],
  );
  const columns: ColumnsType<DashboardDepartment> = [
    {
      title: t('dashboard.department'),
      key: 'department',
      fixed: 'left',
      width: 110,
      render: (_: unknown, r: DashboardDepartment) => localShortName(r, lang),
    },
    ...(
      ['on_time_rate', 'avg_working_days', 'satisfaction', 'complaint_reply_rate', 'visits_per_case'] as const
    ).map((m) => ({
      title: t(`dashboard.measure.${m}`),
      key: m,
      width: 120,
      render: (_: unknown, r: DashboardDepartment) => (
        <Cell
          f={r.figures[m]}
          unit={m === 'on_time_rate' || m === 'satisfaction' || m === 'complaint_reply_rate' ? '%' : ''}
        />
      ),
    })),
    {
      title: t('dashboard.complaintsAnswered'),
      key: 'complaints',
      width: 170,
      render: (_, r) =>
        r.complaints.tickets === 0
          ? '—'
          : r.complaints.shown
            ? t('dashboard.complaintsCell', {
                tickets: r.complaints.tickets,
                onTime: r.complaints.onTimeReplyRate ?? '—',
                resolved: r.complaints.resolutionRate ?? '—',
              })
            : t('dashboard.complaintsWithheld', { tickets: r.complaints.tickets }),
    },
    {
      title: t('dashboard.commitments'),
      key: 'commitments',
      width: 130,
      render: (_, r) =>
        t('dashboard.commitmentsCell', {
          kept: r.commitments.kept,
          notKept: r.commitments.notKept,
          pending: r.commitments.pending,
        }),
    },
    {
      title: t('dashboard.inspections'),
      key: 'inspections',
      width: 110,
      render: (_, r) => r.inspections.inspections,
    },
  ];
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('dashboard.title')}
        subtitle={
          d &&
          t('dashboard.periodAsOf', {
            start: formatDate(d.period.start, lang, false),
            end: formatDate(d.period.end, lang, false),
            asOf: formatInstant(d.asOf, lang),
          })
        }
        extra={<ButtonLink to="/open-data">{t('dashboard.openData.title')}</ButtonLink>}
      />
      <Loadable state={state} rows={8}>
        {(d) => (
          <Flex vertical gap="middle">
            <section aria-labelledby="center-title">
              <Typography.Title level={2} id="center-title" className="ow-section-title">
                {t('dashboard.center')}
              </Typography.Title>
              <Row gutter={[12, 12]}>
                {(
                  [
                    'on_time_rate',
                    'avg_working_days',
                    'satisfaction',
                    'complaint_reply_rate',
                    'visits_per_case',
                  ] as const
                ).map((m) => {
                  const f = d.center.figures[m];
                  const pct = m === 'on_time_rate' || m === 'satisfaction' || m === 'complaint_reply_rate';
                  return (
                    <Col xs={12} md={8} lg={4} key={m}>
                      <Card size="small">
                        <Statistic
                          title={t(`dashboard.measure.${m}`)}
                          value={f.value ?? '—'}
                          suffix={f.value !== null && pct ? '%' : undefined}
                        />
                        <SampleNote sample={f.sample} small={f.smallSample} min={d.minSample} />
                      </Card>
                    </Col>
                  );
                })}
                <Col xs={12} md={8} lg={4}>
                  <Card size="small">
                    <Statistic
                      title={t('dashboard.commitments')}
                      value={`${d.center.commitments.kept} / ${d.center.commitments.kept + d.center.commitments.notKept}`}
                    />
                    <span className="ow-small">
                      {t('dashboard.commitmentsNote', { pending: d.center.commitments.pending })}
                    </span>
                  </Card>
                </Col>
              </Row>
              <Typography.Paragraph type="secondary" className="ow-small" style={{ marginTop: 8 }}>
                {t('dashboard.inspectionsNote', { year: d.inspectionYear, count: d.center.inspections })}{' '}
                {t('dashboard.smallSampleHint', { min: d.minSample })}
              </Typography.Paragraph>
            </section>
            {charts && (
              <Row gutter={[12, 12]}>
                <Col xs={24} lg={12}>
                  <Card
                    size="small"
                    title={
                      <h2 className="ow-section-title" style={{ whiteSpace: 'normal' }}>
                        {t('dashboard.chartService')}
                      </h2>
                    }
                  >
                    <EChart
                      option={charts.service}
                      height={Math.max(160, 60 + 44 * shown.length)}
                      label={t('dashboard.chartServiceLabel')}
                    />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card
                    size="small"
                    title={
                      <h2 className="ow-section-title" style={{ whiteSpace: 'normal' }}>
                        {t('dashboard.chartComplaints')}
                      </h2>
                    }
                  >
                    <EChart
                      option={charts.complaints}
                      height={Math.max(160, 60 + 28 * shown.length)}
                      label={t('dashboard.chartComplaintsLabel')}
                    />
                  </Card>
                </Col>
              </Row>
            )}
            <section aria-labelledby="departments-title">
              <Typography.Title level={2} id="departments-title" className="ow-section-title">
                {t('dashboard.byDepartment')}
              </Typography.Title>
              <Table
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={shown}
                pagination={false}
                scroll={{ x: 1100 }}
              />
              <Typography.Paragraph type="secondary" className="ow-small" style={{ marginTop: 8 }}>
                {t('dashboard.tableNote', {
                  quiet: d.departments.length - shown.length,
                  min: d.complaintsMinimum,
                  year: d.inspectionYear,
                })}
              </Typography.Paragraph>
              <Tag>{t('dashboard.cacheNote')}</Tag>
            </section>
          </Flex>
        )}
      </Loadable>
    </Flex>
  );
}
