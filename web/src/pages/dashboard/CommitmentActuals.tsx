import { Alert, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dashboardApi } from '../../api/dashboard';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { formatDate, formatInstant } from '../../format/date';
import { SampleNote } from './SampleTag';

/**
 * The item's service commitment (服务承诺) next to what happened over the last 12 months: the
 * committed limit, median and p90 working days, the on-time share and the visits, each with its
 * sample, small samples marked, the period and the as-of time said.
 */
export function CommitmentActuals({ itemId }: { itemId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const state = useApi(`item-actuals:${itemId}`, (s) => dashboardApi.itemActuals(itemId, s));
  const days = (v: number | null) => (v === null ? '—' : t('dashboard.days', { count: v }));
  return (
    <Loadable state={state} rows={3}>
      {(a) => (
        <Flex vertical gap="small" data-testid="commitment-actuals">
          {a.commitment && (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              <Typography.Text strong>{t('dashboard.commitmentText')}</Typography.Text>
              {a.commitment}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" className="ow-small">
            {t('dashboard.periodAsOf', {
              start: formatDate(a.period.start, lang, false),
              end: formatDate(a.period.end, lang, false),
              asOf: formatInstant(a.asOf, lang),
            })}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Statistic title={t('dashboard.committedLimit')} value={days(a.committedDays)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('dashboard.medianDays')} value={days(a.cases.medianDays)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('dashboard.p90Days')} value={days(a.cases.p90Days)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('dashboard.onTimeShare')}
                value={a.cases.onTimeRate === null ? '—' : `${a.cases.onTimeRate}%`}
              />
            </Col>
          </Row>
          <SampleNote sample={a.cases.sample} small={a.cases.smallSample} min={a.minSample} />
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Statistic title={t('dashboard.maxVisits')} value={a.maxVisits} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('dashboard.visitsPerCase')}
                value={a.visits.perCase === null ? '—' : a.visits.perCase}
              />
            </Col>
          </Row>
          <SampleNote sample={a.visits.sample} small={a.visits.smallSample} min={a.minSample} />
          {a.cases.sample === 0 && <Alert type="info" showIcon title={t('dashboard.noCases')} />}
        </Flex>
      )}
    </Loadable>
  );
}
