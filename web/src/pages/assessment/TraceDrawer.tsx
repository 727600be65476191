import { Drawer, List, Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { assessmentApi, type MeasureView, type TraceView } from '../../api/assessment';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';

interface Props {
  period: string;
  departmentId: string | null;
  departmentName: string;
  measure: string;
  measures: MeasureView[];
  onMeasure: (m: string) => void;
  onClose: () => void;
  /** Only the records of one item, staff member or window of the department (a breakdown's row). */
  dim?: { by: string; id: string; name: string } | null;
}

/** The records behind one department's figure, each linked to its page. */
export function TraceDrawer({
  period,
  departmentId,
  departmentName,
  measure,
  measures,
  onMeasure,
  onClose,
  dim = null,
}: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const dimKey = dim ? `:${dim.by}:${dim.id}` : '';
  const q = useApi(
    departmentId ? `assessment-trace:${period}:${departmentId}:${measure}${dimKey}` : null,
    (s) =>
      assessmentApi.trace(
        { period, departmentId: departmentId!, measure, ...(dim ? { dim: dim.by, dimId: dim.id } : {}) },
        s,
      ),
  );
  const name = (m: MeasureView) => (en ? m.en : m.zh);
  return (
    <Drawer
      open={departmentId !== null}
      onClose={onClose}
      title={`${departmentName}${dim ? ` · ${dim.name}` : ''} · ${t('assessment.trace.title')}`}
      size="min(560px, 100vw)"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          aria-label={t('assessment.trace.measure')}
          value={measure}
          onChange={onMeasure}
          style={{ width: '100%' }}
          options={measures.map((m) => ({ value: m.code, label: name(m) }))}
        />
        <Loadable state={q}>
          {(tr: TraceView) => {
            const m = measures.find((x) => x.code === tr.measure);
            return (
              <>
                <Typography.Paragraph>
                  {m ? name(m) : tr.measure}：<strong>{tr.figure.value ?? '—'}</strong>
                  {tr.figure.value === null ? '' : m?.unit}（{t('assessment.sample')} {tr.figure.sample}）
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary">
                  {m ? (en ? m.formulaEn : m.formulaZh) : ''}
                </Typography.Paragraph>
                <Typography.Paragraph>
                  {t(tr.lowered ? 'assessment.trace.lowered' : 'assessment.trace.counted', {
                    count: tr.total,
                  })}
                </Typography.Paragraph>
                <List
                  size="small"
                  bordered
                  dataSource={tr.records}
                  locale={{ emptyText: t('assessment.trace.none') }}
                  renderItem={(r) => (
                    <List.Item>
                      <Space wrap>
                        <span>{r.day}</span>
                        {r.link ? <Link to={r.link}>{r.label}</Link> : <span>{r.label}</span>}
                        <Typography.Text type="secondary">
                          {t(`assessment.sources.${r.source}`)}
                        </Typography.Text>
                        {r.daysUsed !== null && (
                          <Typography.Text type="secondary">
                            {t('assessment.trace.daysUsed', { days: r.daysUsed })}
                          </Typography.Text>
                        )}
                      </Space>
                    </List.Item>
                  )}
                />
              </>
            );
          }}
        </Loadable>
      </Space>
    </Drawer>
  );
}
