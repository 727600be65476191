import { useMemo, useState } from 'react';
import { Button, Card, Flex, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { assessmentApi, type AssessmentRow, type AssessmentView } from '../../api/assessment';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EChart } from '../../components/EChart';
import { TraceDrawer } from './TraceDrawer';
import { SchemeEditor } from './SchemeEditor';
import { breakdownPath, periodOf } from './breakdown';
import { localName } from '../../i18n/local-name';

/** A result's department in the page's language. */
const departmentOf = (r: AssessmentRow, lang: string) =>
  localName({ name: r.departmentName, nameEn: r.departmentNameEn }, lang);

const GRADE_COLOUR: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };
/** The columns shown in the table; every measure is in the drawer and the exports. */
const SHOWN = [
  'on_time_rate',
  'overdue_cases',
  'avg_working_days',
  'satisfaction',
  'complaint_reply_on_time',
  'online_rate',
];

function periodOptions(year: number) {
  const out: string[] = [];
  for (const y of [year, year - 1]) out.push(`${y}`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`);
  return out;
}

/** 效能考核: a period's results per department, graded and ranked, each figure traceable to its records. */
export default function AssessmentPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const deptName = (r: AssessmentRow) => departmentOf(r, i18n.language);
  const { user, hasRole } = useAuth();
  // The server's clock picks the first period shown (its current year); then the person chooses.
  // A period in the address (coming back from a breakdown) is the one shown first.
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string | null>(periodOf(params.get('period')));
  const q = useApi(`assessment:${chosen ?? ''}`, (s) => assessmentApi.get(chosen ?? undefined, s));
  const period = chosen ?? q.data?.period.code ?? '';
  const year = Number(period.slice(0, 4)) || new Date().getFullYear();
  const [trace, setTrace] = useState<{ row: AssessmentRow; measure: string } | null>(null);
  const [commenting, setCommenting] = useState<AssessmentRow | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      q.reload();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('assessment.title')}
        subtitle={t('assessment.subtitle')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('assessment.period')}
              value={period}
              onChange={setChosen}
              style={{ width: 140 }}
              options={periodOptions(year).map((p) => ({ value: p, label: p }))}
            />
            <Button href={assessmentApi.exportUrl(period, 'csv', i18n.language)}>
              {t('assessment.export.csv')}
            </Button>
            <Button href={assessmentApi.exportUrl(period, 'xlsx', i18n.language)}>
              {t('assessment.export.xlsx')}
            </Button>
          </Space>
        }
      />
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Loadable state={q}>
        {(a: AssessmentView) => (
          <>
            <Card size="small" title={t('assessment.chart.title')}>
              <ScoreChart view={a} />
            </Card>
            <Table<AssessmentRow>
              rowKey="departmentId"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={a.rows}
              columns={[
                {
                  title: t('assessment.rank'),
                  dataIndex: 'rank',
                  render: (r: number | null) => r ?? t('assessment.unranked'),
                },
                {
                  title: t('assessment.department'),
                  key: 'department',
                  render: (_: unknown, r: AssessmentRow) => deptName(r),
                },
                {
                  title: t('assessment.grade'),
                  dataIndex: 'grade',
                  render: (g: string | null) =>
                    g ? <Tag color={GRADE_COLOUR[g]}>{t(`assessment.grades.${g}`)}</Tag> : '—',
                },
                { title: t('assessment.score'), dataIndex: 'score', render: (s: number | null) => s ?? '—' },
                ...SHOWN.map((code) => {
                  const m = a.measures.find((x) => x.code === code)!;
                  return {
                    key: code,
                    title: en ? m.en : m.zh,
                    render: (_: unknown, r: AssessmentRow) => {
                      const f = (r.figures as Record<string, { value: number | null; sample: number }>)[
                        code
                      ]!;
                      const canTrace =
                        hasRole('supervisor', 'admin') || user?.departmentId === r.departmentId;
                      const text = f.value === null ? '—' : `${f.value}${m.unit === '%' ? '%' : ''}`;
                      return canTrace ? (
                        <Button
                          type="link"
                          size="small"
                          aria-label={`${text} ${t('assessment.trace.open', {
                            measure: en ? m.en : m.zh,
                            department: deptName(r),
                          })}`}
                          onClick={() => setTrace({ row: r, measure: code })}
                        >
                          {text}
                        </Button>
                      ) : (
                        text
                      );
                    },
                  };
                }),
                { title: t('assessment.sample'), dataIndex: 'sample' },
                {
                  title: t('assessment.state'),
                  dataIndex: 'state',
                  render: (s: string, r) => (
                    <Space direction="vertical" size={0}>
                      <span>{t(`assessment.states.${s}`)}</span>
                      {r.comment && <Typography.Text type="secondary">{r.comment}</Typography.Text>}
                    </Space>
                  ),
                },
                {
                  title: t('assessment.actions'),
                  key: 'actions',
                  render: (_: unknown, r: AssessmentRow) => (
                    <Space wrap size="small">
                      {(hasRole('supervisor', 'admin') || user?.departmentId === r.departmentId) && (
                        <Button
                          size="small"
                          href={assessmentApi.pdfUrl(r.departmentId, period, i18n.language)}
                        >
                          {t('assessment.export.pdf')}
                        </Button>
                      )}
                      {(hasRole('supervisor', 'admin') || user?.departmentId === r.departmentId) && (
                        <Button
                          size="small"
                          aria-label={t('assessmentBreakdown.openFor', { department: deptName(r) })}
                          onClick={() => navigate(breakdownPath(r.departmentId, period))}
                        >
                          {t('assessmentBreakdown.open')}
                        </Button>
                      )}
                      {hasRole('head') && user?.departmentId === r.departmentId && r.state !== 'final' && (
                        <Button size="small" onClick={() => (setComment(r.comment ?? ''), setCommenting(r))}>
                          {t('assessment.comment')}
                        </Button>
                      )}
                      {hasRole('supervisor', 'admin') && r.state !== 'final' && (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() =>
                            Modal.confirm({
                              title: t('assessment.finaliseConfirm', { department: deptName(r) }),
                              onOk: () => act(() => assessmentApi.finalise(r.departmentId, period)),
                            })
                          }
                        >
                          {t('assessment.finalise')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
            <Typography.Text type="secondary">
              {t('assessment.minSampleNote', { n: a.scheme.minSample })}
            </Typography.Text>
            {hasRole('admin') && <SchemeEditor period={period} view={a} onSaved={q.reload} />}
            <TraceDrawer
              period={period}
              departmentId={trace?.row.departmentId ?? null}
              departmentName={trace ? deptName(trace.row) : ''}
              measure={trace?.measure ?? 'on_time_rate'}
              measures={a.measures}
              onMeasure={(m) => trace && setTrace({ ...trace, measure: m })}
              onClose={() => setTrace(null)}
            />
          </>
        )}
      </Loadable>
      <Modal
        open={commenting !== null}
        title={t('assessment.comment')}
        okText={t('assessment.commentSave')}
        onCancel={() => setCommenting(null)}
        onOk={async () => {
          if (
            commenting &&
            (await act(() => assessmentApi.comment(commenting.departmentId, period, comment)))
          )
            setCommenting(null);
        }}
      >
        <Input.TextArea
          aria-label={t('assessment.comment')}
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </Flex>
  );
}

function ScoreChart({ view }: { view: AssessmentView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const option = useMemo(() => {
    const rows = view.rows.filter((r) => r.score !== null);
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      // Long names (English ones above all) are cut to leave the bars room on a phone; the tooltip
      // and the table name them whole.
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => departmentOf(r, lang)),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [{ id: 'score', type: 'bar', name: t('assessment.score'), data: rows.map((r) => r.score) }],
    };
  }, [view, t, lang]);
  return (
    <EChart
      option={option}
      height={Math.max(160, view.rows.length * 28)}
      label={t('assessment.chart.label')}
    />
  );
}
