import { useState } from 'react';
import { App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hallAdminApi, type HallSettings } from '../../../api/hall';
import { useApi } from '../../../hooks/use-api';
import { Loadable } from '../../../components/Loadable';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { applyServerErrors } from '../../../hooks/server-errors';
import type { FieldError } from '../../../api/problem';

const FIELDS = ['priority', 'elderlyAge', 'noShowLimit', 'suspendDays'];

/** Priorities (higher is called first; 0 queues like everyone) and the no-show suspension. */
export function SettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useApi('hall-admin-settings', (s) => hallAdminApi.settings(s));
  const [form] = Form.useForm<HallSettings>();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const save = async (v: HallSettings) => {
    setBusy(true);
    setError(null);
    try {
      await hallAdminApi.saveSettings({ ...v, version: q.data?.version ?? 0 });
      message.success(t('common.saved'));
      q.reload();
    } catch (e) {
      setExtra(applyServerErrors(form, e, FIELDS, '/body'));
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const num = (
    name: (string | number)[] | string,
    label: string,
    min: number,
    max: number,
    help?: string,
  ) => (
    <Form.Item
      name={name}
      label={label}
      extra={help}
      rules={[
        { required: true, message: t('form.required', { label }) },
        { type: 'integer', min, max, message: t('hall.admin.between', { label, min, max }) },
      ]}
    >
      <InputNumber aria-label={label} />
    </Form.Item>
  );
  return (
    <Loadable state={q}>
      {(s) => (
        <Form
          key={s.version}
          form={form}
          layout="vertical"
          initialValues={s}
          onFinish={save}
          style={{ maxWidth: 640 }}
        >
          <Card size="small" title={<h2 className="ow-section-title">{t('hall.admin.priorities')}</h2>}>
            <Typography.Paragraph type="secondary">{t('hall.admin.prioritiesHelp')}</Typography.Paragraph>
            <Flex gap="middle" wrap>
              {num(['priority', 'disabled'], t('hall.priority.disabled'), 0, 9)}
              {num(['priority', 'elderly'], t('hall.priority.elderly'), 0, 9)}
              {num(['priority', 'appointment'], t('hall.priority.appointment'), 0, 9)}
              {num('elderlyAge', t('hall.admin.elderlyAge'), 50, 100)}
            </Flex>
          </Card>
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={<h2 className="ow-section-title">{t('hall.admin.noShows')}</h2>}
          >
            <Flex gap="middle" wrap>
              {num('noShowLimit', t('hall.admin.noShowLimit'), 1, 100, t('hall.admin.noShowLimitHelp'))}
              {num('suspendDays', t('hall.admin.suspendDays'), 1, 365)}
            </Flex>
          </Card>
          {error ? <ProblemAlert error={error} extra={extra} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Loadable>
  );
}
