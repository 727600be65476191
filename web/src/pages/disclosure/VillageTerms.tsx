import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VillageView } from '../../api/disclosure';
import { periodLabel } from './period-label';

/** The periods to come with their due dates (a scheduled change shows here first) and the cadence's history. */
export function VillageTerms({ village }: { village: VillageView }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('villageAdmin.upcoming')} className="ow-village-upcoming">
        <List
          size="small"
          locale={{ emptyText: t('villageAdmin.upcomingNone') }}
          dataSource={village.upcoming}
          renderItem={(p) => (
            <List.Item key={p.period}>
              <Typography.Text>{periodLabel(t, p.period)}</Typography.Text>
              <Typography.Text type="secondary" className="ow-small">
                {t('disclosure.village.dueOn', { date: p.dueOn })}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      {village.terms.length > 1 && (
        <Card size="small" title={t('villageAdmin.terms')}>
          <List
            size="small"
            dataSource={village.terms}
            renderItem={(term) => (
              <List.Item key={term.startsOn}>
                {t('villageAdmin.termFrom', {
                  date: term.startsOn,
                  cadence: t(`disclosure.cadence.${term.cadence}`),
                  days: term.dueDays,
                })}
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
