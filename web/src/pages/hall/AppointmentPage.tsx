import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Flex, Popconfirm, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { hallApi, type Appointment } from '../../api/hall';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { inLang } from './group-name';
import { SlotPicker, type Picked } from './SlotPicker';

/** An appointment by its link: the code to show at the kiosk, cancel, or move to another slot. */
export default function AppointmentPage() {
  const token = useParams().token ?? '';
  const { t } = useTranslation();
  const q = useApi(`hall-appointment:${token}`, (s) => hallApi.appointment(token, s));
  const [fresh, setFresh] = useState<Appointment | null>(null);
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 640 }}>
      <PageTitle title={t('hall.appointment.title')} />
      <Loadable state={{ ...q, data: fresh ?? q.data }}>{(a) => <Body a={a} onChange={setFresh} />}</Loadable>
    </Flex>
  );
}

function Body({ a, onChange }: { a: Appointment; onChange: (a: Appointment) => void }) {
  const { t, i18n } = useTranslation();
  const [qr, setQr] = useState<string>();
  const [moving, setMoving] = useState(false);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(a.code, { margin: 1, width: 160 }).then(setQr);
  }, [a.code]);
  const run = (p: Promise<Appointment>) =>
    p.then((x) => {
      onChange(x);
      setMoving(false);
      setError(null);
    }, setError);
  return (
    <Card>
      <Flex vertical gap="middle">
        {error && <ProblemAlert error={error} />}
        <Flex gap="large" align="center" wrap>
          {qr && <img src={qr} width={160} height={160} alt={t('hall.appointment.qrAlt')} />}
          <Flex vertical>
            <Typography.Text type="secondary">{t('hall.appointment.code')}</Typography.Text>
            <Typography.Title level={2} style={{ margin: 0 }} copyable data-testid="appointment-code">
              {a.code}
            </Typography.Title>
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'g',
              label: t('hall.book.group'),
              children: inLang(i18n.language, a.groupName, a.groupNameEn),
            },
            { key: 'd', label: t('hall.book.slot'), children: `${a.day} ${a.slot}` },
            { key: 'n', label: t('hall.book.name'), children: a.name },
            { key: 's', label: t('common.status'), children: t(`hall.appointmentState.${a.state}`) },
          ]}
        />
        {a.ticketToken && <Link to={`/hall/t/${a.ticketToken}`}>{t('hall.appointment.ticket')}</Link>}
        {a.state === 'booked' && (
          <Flex gap="small">
            <Button onClick={() => setMoving((m) => !m)}>{t('hall.appointment.reschedule')}</Button>
            <Popconfirm
              title={t('hall.appointment.cancelSure')}
              onConfirm={() => void run(hallApi.cancel(a.token))}
            >
              <Button danger>{t('hall.appointment.cancel')}</Button>
            </Popconfirm>
          </Flex>
        )}
        {moving && (
          <Flex vertical gap="small">
            <SlotPicker groupId={a.groupId} value={picked} onChange={setPicked} />
            <Button
              type="primary"
              disabled={!picked?.slot}
              onClick={() => picked && void run(hallApi.reschedule(a.token, picked))}
            >
              {t('hall.appointment.confirmMove')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
