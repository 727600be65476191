import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type InspectionSettings } from '../../api/inspections';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { applyServerErrors } from '../../hooks/server-errors';
import type { FieldError } from '../../api/problem';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

const NUMBERS = [
  ['departmentCap', 1, 100],
  ['totalCap', 1, 500],
  ['jointWindowDays', 0, 90],
  ['resultDays', 1, 60],
  ['frequencyWindowDays', 1, 365],
  ['frequencyThreshold', 2, 100],
  ['repeatWindowDays', 1, 365],
] as const;

type Values = Omit<InspectionSettings, 'departmentCaps'> & {
  departmentCaps: { departmentId: string; cap: number }[];
};

/**
 * The city's inspection thresholds (supervisors and administrators): the annual caps per enterprise —
 * the city's per department, each department's own where it sets one, and the total across
 * departments — the joint-visit window, the days for a result, and the alert thresholds.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const q = useApi('inspection-settings', (s) => inspectionsApi.settings(s));
  const { departments } = useDepartments();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  useEffect(() => {
    if (q.data) form.setFieldsValue({ ...q.data, departmentCaps: q.data.departmentCaps });
  }, [q.data, form]);

  const save = async (v: Values) => {
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      const before = new Set(q.data?.departmentCaps.map((c) => c.departmentId) ?? []);
      const kept = new Set(v.departmentCaps.map((c) => c.departmentId));
      await inspectionsApi.saveSettings({
        ...Object.fromEntries(NUMBERS.map(([k]) => [k, v[k]])),
        departmentCaps: [
          ...v.departmentCaps.map((c) => ({ departmentId: c.departmentId, cap: c.cap })),
          ...[...before].filter((d) => !kept.has(d)).map((d) => ({ departmentId: d, cap: null })),
        ],
      });
      setSaved(true);
      q.reload();
    } catch (e) {
      setExtra(applyServerErrors(form, e, ['departmentCaps', ...NUMBERS.map(([k]) => k)]));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('inspections.settingsTitle')} subtitle={t('inspections.settingsSubtitle')} />
      <Loadable state={q}>
        {() => (
          <Card size="small">
            <Form<Values> form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }}>
              <Flex gap="middle" wrap>
                {NUMBERS.map(([k, min, max]) => (
                  <Form.Item
                    key={k}
                    name={k}
                    label={t(`inspections.setting.${k}`)}
                    rules={[
                      {
                        required: true,
                        type: 'number',
                        min,
                        max,
                        message: t('inspections.between', { min, max }),
                      },
                    ]}
                  >
                    <InputNumber min={min} max={max} />
                  </Form.Item>
                ))}
              </Flex>
              <Typography.Title level={2} className="ow-h2" style={{ fontSize: 16 }}>
                {t('inspections.departmentCaps')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('inspections.departmentCapsHint')}
              </Typography.Paragraph>
              <Form.List name="departmentCaps">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Flex key={f.key} gap="small" wrap align="baseline">
                        <Form.Item
                          name={[f.name, 'departmentId']}
                          label={t('inspections.department')}
                          rules={[{ required: true, message: t('apply.required') }]}
                        >
                          <Select
                            showSearch={{ optionFilterProp: 'label' }}
                            style={{ width: 240 }}
                            options={departments.map((d) => ({ value: d.id, label: d.name }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'cap']}
                          label={t('inspections.capPerYear')}
                          rules={[
                            {
                              required: true,
                              type: 'number',
                              min: 1,
                              max: 100,
                              message: t('inspections.between', { min: 1, max: 100 }),
                            },
                          ]}
                        >
                          <InputNumber min={1} max={100} />
                        </Form.Item>
                        <Button type="link" onClick={() => remove(f.name)}>
                          {t('common.removeRow', { n: f.name + 1, what: '' })}
                        </Button>
                      </Flex>
                    ))}
                    <Button onClick={() => add({})} style={{ marginBottom: 16 }}>
                      {t('inspections.addDepartmentCap')}
                    </Button>
                  </>
                )}
              </Form.List>
              {error ? <ProblemAlert error={error} extra={extra} /> : null}
              {saved && (
                <Alert type="success" showIcon title={t('common.saved')} style={{ marginBottom: 16 }} />
              )}
              <div>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('common.save')}
                </Button>
              </div>
            </Form>
          </Card>
        )}
      </Loadable>
    </Flex>
  );
}
