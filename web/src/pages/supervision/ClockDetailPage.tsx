import { Breadcrumb, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { supervisionApi } from '../../api/supervision';
import { enumLabel } from '../../domain/enums';
import { formatDate, formatInstant } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { Explanation } from '../../components/calendar/Explanation';
import { ColourTag } from '../../components/ColourTag';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { clockLabel } from '../../domain/clock-label';
import { ClockHistory } from './ClockHistory';
import { SubjectCell } from './SubjectCell';

/** One clock: its terms, its deadline explained, and its append-only history. */
export default function ClockDetailPage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const depts = useDepartments();
  const q = useApi(`clock:${id}`, (s) => supervisionApi.clock(id, s));
  const lang = i18n.language;
  return (
    <Flex vertical gap="middle">
      <Breadcrumb
        items={[
          { title: <Link to="/supervision/clocks">{t('nav.clocks')}</Link> },
          { title: q.data ? clockLabel(q.data.label, t, i18n.language) : t('common.loading') },
        ]}
      />
      <Loadable state={q} rows={8}>
        {(c) => (
          <>
            <PageTitle
              title={clockLabel(c.label, t, i18n.language)}
              extra={<ColourTag colour={c.colour} />}
            />
            <Card size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'dept', label: t('clocks.department'), children: depts.name(c.departmentId) || '—' },
                  {
                    key: 'status',
                    label: t('common.status'),
                    children: enumLabel(t, 'recordStatus', c.status),
                  },
                  { key: 'start', label: t('clocks.start'), children: formatDate(c.startDate, lang) },
                  {
                    key: 'limit',
                    label: t('clocks.limit'),
                    children: t('guide.workdays', { count: c.limitDays }),
                  },
                  {
                    key: 'ext',
                    label: t('clocks.extension'),
                    children: t('guide.workdays', { count: c.extensionDays }),
                  },
                  {
                    key: 'paused',
                    label: t('clocks.paused'),
                    children: t('guide.workdays', { count: c.pausedDays }),
                  },
                  {
                    key: 'due',
                    label: t('clocks.due'),
                    children: (
                      <>
                        {formatDate(c.dueDate, lang)}
                        {c.provisional && (
                          <Tag color="orange" style={{ marginLeft: 4 }}>
                            {t('clocks.provisional')}
                          </Tag>
                        )}
                      </>
                    ),
                  },
                  {
                    key: 'remaining',
                    label: t('clocks.remaining'),
                    children:
                      c.remainingWorkingDays === null
                        ? '—'
                        : t('guide.workdays', { count: c.remainingWorkingDays }),
                  },
                  {
                    key: 'yellow',
                    label: t('clocks.yellowAt'),
                    children: formatInstant(c.yellowAt, lang) || '—',
                  },
                  {
                    key: 'overdue',
                    label: t('clocks.overdueAt'),
                    children: formatInstant(c.overdueAt, lang),
                  },
                  {
                    key: 'subject',
                    label: t('clocks.subject'),
                    // The matter the clock times, leading to its page (a case, a letter, a report).
                    children: <SubjectCell subject={c.subject ?? null} subjectType={c.subjectType} />,
                  },
                  ...(c.outcome
                    ? [
                        {
                          key: 'outcome',
                          label: t('clocks.outcome'),
                          children: t(`ux.clockOutcome.${c.outcome}`, { defaultValue: c.outcome }),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title={<h2 className="ow-section-title">{t('clocks.explanation')}</h2>}>
              {c.explanation && c.explanation.length > 0 ? (
                <Explanation reasons={c.explanation} />
              ) : (
                <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
              )}
            </Card>
            <Card size="small" title={<h2 className="ow-section-title">{t('clocks.history')}</h2>}>
              {c.history && c.history.length > 0 ? (
                <ClockHistory history={c.history} />
              ) : (
                <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
              )}
            </Card>
          </>
        )}
      </Loadable>
    </Flex>
  );
}
