import { useEffect, useState } from 'react';
import { Alert, Card, Flex, Statistic, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hallApi, type TicketStatus } from '../../api/hall';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { inLang } from './group-name';

/** 我的排队: a ticket's place and estimated wait on the person's phone, live (server-sent events). */
export default function TicketStatusPage() {
  const token = useParams().token ?? '';
  const { t } = useTranslation();
  const q = useApi(`hall-ticket:${token}`, (s) => hallApi.status(token, s));
  const [live, setLive] = useState<TicketStatus | null>(null);
  useEffect(() => {
    const source = hallApi.statusStream(token);
    source.addEventListener('status', (e) =>
      setLive(JSON.parse((e as MessageEvent<string>).data) as TicketStatus),
    );
    return () => source.close();
  }, [token]);
  const s = live ?? q.data;
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 480, margin: '0 auto' }}>
      <PageTitle title={t('hall.status.title')} />
      <Loadable state={{ ...q, data: s }}>{(d) => <StatusCard s={d} />}</Loadable>
    </Flex>
  );
}

function StatusCard({ s }: { s: TicketStatus }) {
  const { t, i18n } = useTranslation();
  const window = inLang(i18n.language, s.window, s.windowEn);
  return (
    <Card>
      <Flex vertical gap="middle" align="center">
        <Typography.Text type="secondary">
          {inLang(i18n.language, s.groupName, s.groupNameEn)}
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 56, margin: 0 }} data-testid="ticket-number">
          {s.number}
        </Typography.Title>
        {s.state === 'waiting' && (
          <Flex gap="large">
            <Statistic title={t('hall.status.ahead')} value={s.ahead ?? 0} />
            <Statistic
              title={t('hall.status.wait')}
              value={s.estimatedWaitMinutes ?? 0}
              suffix={t('hall.status.minutes')}
            />
          </Flex>
        )}
        {s.state === 'waiting' && (s.ahead ?? 0) <= 3 && (
          <Alert type="warning" showIcon title={t('hall.status.near')} />
        )}
        {s.state === 'called' && (
          <Alert type="success" showIcon role="alert" title={t('hall.status.called', { window })} />
        )}
        {s.state === 'served' && <Alert type="info" showIcon title={t('hall.status.served')} />}
        {s.state === 'absent' && <Alert type="error" showIcon title={t('hall.status.absent')} />}
      </Flex>
    </Card>
  );
}
