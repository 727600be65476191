import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  deviceApi,
  storeDeviceToken,
  storedDeviceToken,
  type DeviceKind,
  type OwnDevice,
} from '../../api/device';
import { useApi } from '../../hooks/use-api';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError } from '../../api/problem';

interface Props {
  kind: DeviceKind;
  title: string;
  children: (device: OwnDevice) => ReactNode;
}

/**
 * A page that runs on one of the hall's devices: it acts with the device's token, entered once
 * from the administrator's registration (and forgotten when refused: revoked, or another kind).
 */
export function DeviceGate({ kind, title, children }: Props) {
  const { t } = useTranslation();
  const [token, setToken] = useState(storedDeviceToken());
  const me = useApi(token ? `hall-device:${token.slice(-6)}` : null, (s) => deviceApi.me(s));
  const refused = me.error instanceof ApiError && (me.error.status === 401 || me.error.status === 403);
  const wrongKind = me.data && me.data.device.kind !== kind;
  if (token && me.data && !wrongKind) return <>{children(me.data)}</>;
  const forget = () => {
    storeDeviceToken(null);
    setToken(null);
  };
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 560 }}>
      <PageTitle title={title} subtitle={t('hall.device.setupHint')} />
      {token && refused && <Alert type="error" showIcon title={t('hall.device.refused')} />}
      {token && me.error && !refused && <ProblemAlert error={me.error} />}
      {wrongKind && (
        <Alert
          type="error"
          showIcon
          title={t('hall.device.wrongKind', { kind: t(`hall.device.kinds.${me.data!.device.kind}`) })}
        />
      )}
      {(!token || refused || wrongKind) && (
        <Card title={<h2 className="ow-section-title">{t('hall.device.setup')}</h2>}>
          <Typography.Paragraph type="secondary">{t('hall.device.setupText')}</Typography.Paragraph>
          <Form
            layout="vertical"
            onFinish={(v: { token: string }) => {
              storeDeviceToken(v.token.trim());
              setToken(v.token.trim());
            }}
          >
            <Form.Item
              name="token"
              label={t('hall.device.token')}
              rules={[{ required: true, whitespace: true, message: t('hall.device.tokenRequired') }]}
            >
              <Input.Password autoComplete="off" />
            </Form.Item>
            <Flex gap="small">
              <Button type="primary" htmlType="submit">
                {t('hall.device.activate')}
              </Button>
              {token && <Button onClick={forget}>{t('hall.device.forget')}</Button>}
            </Flex>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
