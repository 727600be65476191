import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hallApi, type Ticket } from '../../api/hall';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { inLang } from './group-name';
import { TicketSlip } from './TicketSlip';
import { deviceApi, type OwnDevice } from '../../api/device';
import { DeviceGate } from './DeviceGate';

/**
 * 取号机 and 服务台: a ticket for a window group, or by an appointment's code. On the kiosk it acts
 * with the kiosk's device token (its group only, if it is bound to one); at the front desk, with the
 * clerk's session, who may vouch for a priority.
 */
export default function KioskPage({ device }: { device?: OwnDevice }) {
  const { t, i18n } = useTranslation();
  const groups = useApi('hall-groups', (s) => hallApi.groups(s));
  const [desk, setDesk] = useState(false);
  const [phone, setPhone] = useState('');
  const [priority, setPriority] = useState<'elderly' | 'disabled' | undefined>();
  const [idNumber, setIdNumber] = useState('');
  const [code, setCode] = useState('');
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const run = (p: Promise<Ticket>) =>
    p.then(
      (tk) => {
        setTicket(tk);
        setError(null);
        setPhone('');
        setIdNumber('');
        setCode('');
        setPriority(undefined);
        groups.reload();
      },
      (e: Error) => setError(e),
    );
  const api = device ? deviceApi : hallApi;
  const bound = device?.group?.id;
  const nameOf = (id: string) => {
    const g = groups.data?.items.find((x) => x.id === id);
    return g ? inLang(i18n.language, g.name, g.nameEn) : '';
  };
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('hall.kiosk.title')} subtitle={t('hall.kiosk.subtitle')} />
      {error && <ProblemAlert error={error} />}
      {ticket && <TicketSlip ticket={ticket} groupName={nameOf(ticket.groupId)} />}
      <Card size="small" title={<h2 className="ow-section-title">{t('hall.kiosk.byAppointment')}</h2>}>
        <Space.Compact>
          <Input
            aria-label={t('hall.kiosk.appointmentCode')}
            placeholder={t('hall.kiosk.appointmentCode')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="primary" disabled={!code.trim()} onClick={() => void run(api.checkIn(code.trim()))}>
            {t('hall.kiosk.checkIn')}
          </Button>
        </Space.Compact>
      </Card>
      <Card size="small" title={<h2 className="ow-section-title">{t('hall.kiosk.take')}</h2>}>
        <Flex vertical gap="small">
          <Flex gap="small" wrap>
            <Input
              style={{ width: 220 }}
              aria-label={t('hall.kiosk.phone')}
              placeholder={t('hall.kiosk.phone')}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
            <Select
              style={{ width: 200 }}
              allowClear
              aria-label={t('hall.kiosk.priority')}
              placeholder={t('hall.kiosk.priority')}
              value={priority}
              onChange={(v?: 'elderly' | 'disabled') => setPriority(v)}
              options={(['elderly', 'disabled'] as const).map((p) => ({
                value: p,
                label: t(`hall.priority.${p}`),
              }))}
            />
            {priority === 'elderly' && !desk && (
              <Input
                style={{ width: 240 }}
                aria-label={t('hall.kiosk.idNumber')}
                placeholder={t('hall.kiosk.idNumber')}
                value={idNumber}
                onChange={(e) => setIdNumber(e.target.value)}
              />
            )}
            {!device && (
              <Checkbox checked={desk} onChange={(e) => setDesk(e.target.checked)}>
                {t('hall.kiosk.desk')}
              </Checkbox>
            )}
          </Flex>
          <Loadable state={groups}>
            {(d) => (
              <Flex gap="middle" wrap>
                {d.items
                  .filter((g) => g.active && (!bound || g.id === bound))
                  .map((g) => (
                    <Button
                      key={g.id}
                      size="large"
                      style={{ minWidth: 200, height: 72 }}
                      onClick={() =>
                        void run(
                          api.take({
                            groupId: g.id,
                            source: desk ? 'desk' : 'kiosk',
                            ...(priority ? { priority } : {}),
                            ...(idNumber.trim() ? { idNumber: idNumber.trim() } : {}),
                            ...(phone.trim() ? { phone: phone.trim() } : {}),
                          }),
                        )
                      }
                    >
                      <Flex vertical>
                        <Typography.Text strong>
                          {g.code} {inLang(i18n.language, g.name, g.nameEn)}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {t('hall.kiosk.waiting', { n: g.waiting })}
                        </Typography.Text>
                      </Flex>
                    </Button>
                  ))}
              </Flex>
            )}
          </Loadable>
        </Flex>
      </Card>
    </Flex>
  );
}

/** The kiosk (取号机) itself: the page runs with the kiosk's device token. */
export function KioskDevicePage() {
  const { t } = useTranslation();
  return (
    <DeviceGate kind="kiosk" title={t('hall.kiosk.title')}>
      {(d) => <KioskPage device={d} />}
    </DeviceGate>
  );
}
