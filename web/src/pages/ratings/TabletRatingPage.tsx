import { useEffect, useState } from 'react';
import { Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deviceApi, type OwnDevice, type PendingVisit } from '../../api/device';
import { useApi } from '../../hooks/use-api';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DeviceGate } from '../hall/DeviceGate';
import { RatingForm } from './RatingForm';

const POLL_MS = 3000;

/**
 * The window's tablet (评价器): it runs with its device token, bound to its window, and asks the
 * person just served there to rate the visit (by the number of their ticket); nobody types a number
 * and nobody is asked who they are.
 */
export default function TabletRatingPage() {
  const { t } = useTranslation();
  return (
    <DeviceGate kind="tablet" title={t('ratings.tablet.title')}>
      {(d) => <Tablet device={d} />}
    </DeviceGate>
  );
}

function Tablet({ device }: { device: OwnDevice }) {
  const { t, i18n } = useTranslation();
  const pending = useApi('rating-pending', (s) => deviceApi.pending(s));
  const [rating, setRating] = useState<PendingVisit>(null);
  const reload = pending.reload;
  useEffect(() => {
    if (rating) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [rating, reload]);
  const visit = rating ?? pending.data?.visit ?? null;
  const w = device.window;
  const windowName = w ? (i18n.language === 'en' ? w.nameEn : w.name) : '';
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 720 }}>
      <PageTitle
        title={t('ratings.tablet.title')}
        subtitle={t('ratings.tablet.windowOf', { window: windowName })}
      />
      {pending.error && <ProblemAlert error={pending.error} />}
      {visit ? (
        <Flex vertical gap="small" data-testid="tablet-prompt">
          <Typography.Title level={2} className="ow-section-title">
            {t('ratings.tablet.prompt', { number: visit.ticketNo })}
          </Typography.Title>
          <RatingForm
            key={visit.ticketNo}
            set="on_site"
            onDone={() => {
              setRating(null);
              reload();
            }}
            submit={async (v) => {
              setRating(visit);
              return deviceApi.rateOnSite({
                ticketNo: visit.ticketNo,
                level: v.level,
                indicators: v.indicators,
                comment: v.comment,
              });
            }}
          />
        </Flex>
      ) : (
        <Card>
          <Empty description={t('ratings.tablet.idle')} />
        </Card>
      )}
    </Flex>
  );
}
