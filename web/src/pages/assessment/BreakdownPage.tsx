import { useMemo, useState } from 'react';
import { Button, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { assessmentApi, type BreakdownRow, type BreakdownView, type MeasureView } from '../../api/assessment';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { TraceDrawer } from './TraceDrawer';
import { localName } from '../../i18n/local-name';
import {
  compareFigures,
  DIMS,
  dimOf,
  figureText,
  measuresWithData,
  periodOf,
  SYMBOL_UNITS,
  tooFew,
  type Dim,
} from './breakdown';

/**
 * 考核明细: one department's figures for a period per item, staff member or window, each figure
 * opening the records behind it. Department, period and dimension live in the address.
 */
export default function BreakdownPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { departmentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const period = periodOf(params.get('period')) ?? String(new Date().getFullYear());
  const by = dimOf(params.get('by'));
  const [trace, setTrace] = useState<{ row: BreakdownRow; measure: string } | null>(null);
  const q = useApi(`assessment-breakdown:${departmentId}:${period}:${by}`, (s) =>
    assessmentApi.breakdown({ period, departmentId, by }, s),
  );
  const setBy = (next: Dim) => {
    const p = new URLSearchParams(params);
    p.set('period', period);
    p.set('by', next);
    setParams(p, { replace: true });
    setTrace(null);
  };
  const unitText = (unit: string) => (SYMBOL_UNITS.has(unit) ? unit : t(`assessmentBreakdown.units.${unit}`));
  const measureName = (m: MeasureView) => (en ? m.en : m.zh);
  const departmentName = q.data
    ? localName({ name: q.data.departmentName, nameEn: q.data.departmentNameEn }, i18n.language)
    : '';

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('assessmentBreakdown.title')}
        subtitle={`${departmentName}${q.data ? ' · ' : ''}${t('assessmentBreakdown.period', { period })}`}
        extra={
          <Link to={`/assessment?period=${encodeURIComponent(period)}`}>{t('assessmentBreakdown.back')}</Link>
        }
      />
      <Segmented<Dim>
        aria-label={t('assessmentBreakdown.by')}
        value={by}
        onChange={setBy}
        options={DIMS.map((d) => ({ value: d, label: t(`assessmentBreakdown.dims.${d}`) }))}
      />
      <Loadable state={q}>
        {(b: BreakdownView) => (
          <BreakdownTable
            view={b}
            by={by}
            measureName={measureName}
            unitText={unitText}
            onTrace={(row, measure) => setTrace({ row, measure })}
          />
        )}
      </Loadable>
      {q.data && (
        <TraceDrawer
          period={period}
          departmentId={trace ? departmentId : null}
          departmentName={departmentName}
          measure={trace?.measure ?? 'on_time_rate'}
          measures={q.data.measures}
          onMeasure={(m) => trace && setTrace({ ...trace, measure: m })}
          onClose={() => setTrace(null)}
          dim={trace ? { by, id: trace.row.id, name: localName(trace.row, i18n.language) } : null}
        />
      )}
    </Flex>
  );
}

interface TableProps {
  view: BreakdownView;
  by: Dim;
  measureName: (m: MeasureView) => string;
  unitText: (unit: string) => string;
  onTrace: (row: BreakdownRow, measure: string) => void;
}

function BreakdownTable({ view, by, measureName, unitText, onTrace }: TableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const nameOf = (r: BreakdownRow) => localName(r, lang);
  const shown = useMemo(() => measuresWithData(view.measures, view.rows), [view]);
  const figure = (r: BreakdownRow, code: string) =>
    (r.figures as Record<string, { value: number | null; sample: number }>)[code];
  const columns: ColumnsType<BreakdownRow> = [
    {
      title: t(`assessmentBreakdown.dims.${by}`),
      key: 'name',
      fixed: 'left',
      width: 160,
      render: (_: unknown, r: BreakdownRow) => nameOf(r),
      sorter: (a, b) => nameOf(a).localeCompare(nameOf(b), lang === 'en' ? 'en' : 'zh-CN'),
    },
    {
      title: t('assessmentBreakdown.sample'),
      dataIndex: 'sample',
      sorter: (a, b) => a.sample - b.sample,
      render: (n: number) => (
        <Space size={4} wrap>
          <span>{n}</span>
          {tooFew(n, view.minSample) && <Tag>{t('assessment.unranked')}</Tag>}
        </Space>
      ),
    },
    ...shown.map((m) => ({
      key: m.code,
      title: `${measureName(m)}（${unitText(m.unit)}）`,
      sorter: (a: BreakdownRow, b: BreakdownRow, order?: 'ascend' | 'descend' | null) =>
        compareFigures(figure(a, m.code), figure(b, m.code), order ?? null),
      render: (_: unknown, r: BreakdownRow) => {
        const f = figure(r, m.code);
        const text = figureText(f, m.unit);
        if (!f || f.sample === 0) return text;
        return (
          <Button
            type="link"
            size="small"
            aria-label={`${text} ${t('assessmentBreakdown.traceOpen', { measure: measureName(m), name: nameOf(r) })}`}
            onClick={() => onTrace(r, m.code)}
          >
            {text}
          </Button>
        );
      },
    })),
  ];
  return (
    <Flex vertical gap="small">
      <Table<BreakdownRow>
        rowKey="id"
        size="small"
        pagination={view.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        dataSource={view.rows}
        columns={columns}
        locale={{ emptyText: t('assessmentBreakdown.none') }}
      />
      <Typography.Text type="secondary">
        {t('assessmentBreakdown.note', { n: view.minSample })}
      </Typography.Text>
    </Flex>
  );
}
