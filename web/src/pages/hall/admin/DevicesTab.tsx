import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  hallAdminApi,
  type DeviceBody,
  type DeviceRegistered,
  type HallDevice,
  type HallGroup,
  type HallWindow,
} from '../../../api/hall';
import { useApi } from '../../../hooks/use-api';
import { FormModal } from '../../../components/FormModal';
import { Loadable } from '../../../components/Loadable';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { inLang } from '../group-name';

const FIELDS = ['kind', 'name', 'windowId', 'groupId'];
const PAGE: Record<HallDevice['kind'], string> = {
  kiosk: '/hall/kiosk',
  tablet: '/ratings/tablet',
  display: '/hall/display',
};

/** The hall's devices: each registered with a token bound to its job, revocable at once. */
export function DevicesTab({ windows, groups }: { windows: HallWindow[]; groups: HallGroup[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const devices = useApi('hall-admin-devices', (s) => hallAdminApi.devices(s));
  const [form] = Form.useForm<DeviceBody>();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<DeviceRegistered | null>(null);
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);
  const place = (d: HallDevice) => {
    const w = windows.find((x) => x.id === d.windowId);
    const g = groups.find((x) => x.id === d.groupId);
    if (w) return inLang(i18n.language, w.name, w.nameEn);
    if (g) return `${g.code} ${inLang(i18n.language, g.name, g.nameEn)}`;
    return t('hall.admin.wholeHall');
  };
  const register = async (v: DeviceBody) => {
    const r = await hallAdminApi.registerDevice({
      kind: v.kind,
      name: v.name,
      ...(v.windowId ? { windowId: v.windowId } : {}),
      ...(v.groupId ? { groupId: v.groupId } : {}),
    });
    setIssued(r);
    devices.reload();
  };
  const revoke = async (d: HallDevice) => {
    try {
      await hallAdminApi.revokeDevice(d.id);
      message.success(t('hall.admin.revoked'));
      devices.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph type="secondary">{t('hall.admin.devicesHelp')}</Typography.Paragraph>
      <Flex justify="end">
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
          {t('hall.admin.newDevice')}
        </Button>
      </Flex>
      {issued && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setIssued(null) }}
          title={t('hall.admin.tokenOnce', { name: issued.device.name })}
          description={
            <Flex vertical gap="small">
              <Typography.Text code copyable data-testid="device-token">
                {issued.token}
              </Typography.Text>
              <Typography.Text>
                {t('hall.admin.openOnDevice')}{' '}
                <Typography.Text code>{PAGE[issued.device.kind]}</Typography.Text>
              </Typography.Text>
            </Flex>
          }
        />
      )}
      {error ? <ProblemAlert error={error} /> : null}
      <Loadable state={devices}>
        {(d) => (
          <Table<HallDevice>
            rowKey="id"
            size="small"
            dataSource={d.items}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('hall.admin.deviceName'), dataIndex: 'name' },
              { title: t('hall.admin.kind'), render: (_, x) => t(`hall.device.kinds.${x.kind}`) },
              { title: t('hall.admin.boundTo'), render: (_, x) => place(x) },
              {
                title: t('hall.admin.state'),
                render: (_, x) =>
                  x.revokedAt ? (
                    <Tag>{t('hall.admin.revoked')}</Tag>
                  ) : (
                    <Tag color="green">{t('hall.admin.inUse')}</Tag>
                  ),
              },
              {
                title: t('common.actions'),
                render: (_, x) =>
                  x.revokedAt ? null : (
                    <Popconfirm
                      title={t('hall.admin.revokeConfirm', { name: x.name })}
                      onConfirm={() => revoke(x)}
                    >
                      <Button size="small" danger aria-label={t('hall.admin.revokeOne', { name: x.name })}>
                        {t('hall.admin.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        )}
      </Loadable>
      <FormModal<DeviceBody>
        open={open}
        title={t('hall.admin.newDevice')}
        form={form}
        fields={FIELDS}
        initialValues={{ kind: 'kiosk' }}
        onSubmit={register}
        onClose={() => setOpen(false)}
        okText={t('hall.admin.register')}
      >
        <Form.Item name="kind" label={t('hall.admin.kind')}>
          <Select
            aria-label={t('hall.admin.kind')}
            options={(['kiosk', 'tablet', 'display'] as const).map((k) => ({
              value: k,
              label: t(`hall.device.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('hall.admin.deviceName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('form.required', { label: t('hall.admin.deviceName') }),
            },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {kind === 'tablet' ? (
          <Form.Item name="windowId" label={t('hall.admin.window')}>
            <Select
              allowClear
              aria-label={t('hall.admin.window')}
              options={windows.map((w) => ({ value: w.id, label: inLang(i18n.language, w.name, w.nameEn) }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="groupId" label={t('hall.admin.group')} extra={t('hall.admin.groupHelp')}>
            <Select
              allowClear
              aria-label={t('hall.admin.group')}
              options={groups.map((g) => ({
                value: g.id,
                label: `${g.code} ${inLang(i18n.language, g.name, g.nameEn)}`,
              }))}
            />
          </Form.Item>
        )}
      </FormModal>
    </Flex>
  );
}
