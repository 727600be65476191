import { useState } from 'react';
import { Alert, App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disclosureApi, type PeriodView, type VillageView } from '../../api/disclosure';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ButtonLink } from '../../components/ButtonLink';
import { periodLabel } from './period-label';
import { useAuth } from '../../hooks/use-auth';
import { ChangeCadenceModal } from './ChangeCadenceModal';
import { mayManageVillages } from './roles';
import { VillageTerms } from './VillageTerms';

const COLOUR: Record<PeriodView['state'], string> = {
  disclosed: 'green',
  disclosed_late: 'orange',
  overdue: 'red',
  awaiting: 'blue',
  current: 'default',
};

/** The reporting center's intake, prefilled: the category, the township's department, what is missing. */
function reportLink(v: VillageView, text: string) {
  const q = new URLSearchParams({
    category: 'village_disclosure',
    department: v.departmentId,
    text,
    place: `${v.township}${v.name}`,
  });
  return `/complaints/report?${q.toString()}`;
}

/** A village's disclosure by period: disclosed (on time or late), overdue, awaiting; report what is missing. */
export default function VillagePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const q = useApi(`disclosure-village:${code}`, (s) => disclosureApi.village(code, s));
  const { user } = useAuth();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  return (
    <Loadable state={q} rows={8}>
      {(v) => {
        const missing = v.periods.filter((p) => p.state === 'overdue').map((p) => periodLabel(t, p.period));
        const text = missing.length
          ? t('disclosure.village.reportText', {
              village: `${v.township}${v.name}`,
              periods: missing.join('、'),
            })
          : t('disclosure.village.reportTextNone', { village: `${v.township}${v.name}` });
        return (
          <Flex vertical gap="middle">
            <PageTitle
              title={`${v.township} ${v.name}`}
              subtitle={t('disclosure.village.subtitle', {
                cadence: t(`disclosure.cadence.${v.cadence}`),
                days: v.dueDays,
                department: v.departmentName ?? '',
              })}
              extra={
                mayManageVillages(user, v.departmentId) ? (
                  <Button onClick={() => setChanging(true)}>{t('villageAdmin.change')}</Button>
                ) : null
              }
            />
            {v.nextChange && (
              <Alert
                type="info"
                showIcon
                title={t('villageAdmin.scheduled', {
                  period: periodLabel(t, v.nextChange.fromPeriod),
                  cadence: t(`disclosure.cadence.${v.nextChange.cadence}`),
                  days: v.nextChange.dueDays,
                })}
              />
            )}
            {missing.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('disclosure.village.overdue', { periods: missing.join('、') })}
                description={t('disclosure.village.reportHint')}
              />
            )}
            <Card size="small">
              <List
                dataSource={v.periods}
                renderItem={(p) => (
                  <List.Item key={p.period}>
                    <Flex wrap gap="small" align="center" justify="space-between" style={{ width: '100%' }}>
                      <Flex vertical gap={2}>
                        {p.statementId ? (
                          <Link to={`/disclosure/statements/${p.statementId}`}>
                            {periodLabel(t, p.period)}
                          </Link>
                        ) : (
                          <Typography.Text>{periodLabel(t, p.period)}</Typography.Text>
                        )}
                        <Typography.Text type="secondary" className="ow-small">
                          {p.start} – {p.end} · {t('disclosure.village.dueOn', { date: p.dueOn })}
                        </Typography.Text>
                      </Flex>
                      <Tag color={COLOUR[p.state]}>{t(`disclosure.periodState.${p.state}`)}</Tag>
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
            <VillageTerms village={v} />
            <Card size="small" title={t('disclosure.village.reportTitle')}>
              <Flex vertical gap="small" align="start">
                <Typography.Text>{t('disclosure.village.reportExplain')}</Typography.Text>
                <ButtonLink to={reportLink(v, text)} danger={missing.length > 0}>
                  {t('disclosure.village.report')}
                </ButtonLink>
              </Flex>
            </Card>
            {changing && (
              <ChangeCadenceModal
                village={v}
                open={changing}
                onClose={() => setChanging(false)}
                onDone={() => {
                  setChanging(false);
                  void message.success(t('villageAdmin.changed'));
                  q.reload();
                }}
              />
            )}
          </Flex>
        );
      }}
    </Loadable>
  );
}
