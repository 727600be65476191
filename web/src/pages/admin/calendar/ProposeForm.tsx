import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../../api/admin';
import type { ProposalInput } from '../../../api/admin-types';
import type { FieldError } from '../../../api/problem';
import { applyServerErrors } from '../../../hooks/server-errors';
import { ProblemAlert } from '../../../components/ProblemAlert';

interface Values {
  format: 'ranges' | 'holiday-cn';
  year?: number;
  content: string;
  source: string;
}

const EXAMPLE = '# 名称 日期[..日期] off|work\n国庆节 2027-10-01..2027-10-07 off\n国庆节 2027-10-09 work';

export function ProposeForm({ onProposed }: { onProposed: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const format = Form.useWatch('format', form);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    let body: ProposalInput;
    if (v.format === 'holiday-cn') {
      try {
        body = { format: 'holiday-cn', content: JSON.parse(v.content), source: v.source.trim() };
      } catch (e) {
        form.setFields([
          { name: 'content', errors: [t('adminCalendar.notJson', { reason: (e as Error).message })] },
        ]);
        return;
      }
    } else {
      body = { format: 'ranges', year: v.year!, content: v.content, source: v.source.trim() };
    }
    setBusy(true);
    setError(null);
    try {
      const p = await adminApi.propose(body);
      message.success(t('adminCalendar.proposed', { year: p.year }));
      form.resetFields(['content']);
      onProposed();
    } catch (e) {
      setExtra(applyServerErrors(form, e, ['format', 'year', 'content', 'source']));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={<h2 className="ow-section-title">{t('adminCalendar.load')}</h2>}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ format: 'ranges' }}>
        <Form.Item name="format" label={t('adminCalendar.format')}>
          <Segmented
            options={[
              { value: 'ranges', label: t('adminCalendar.ranges') },
              { value: 'holiday-cn', label: t('adminCalendar.holidayCn') },
            ]}
          />
        </Form.Item>
        {format !== 'holiday-cn' && (
          <Form.Item
            name="year"
            label={t('calendar.year')}
            rules={[{ required: true, message: t('form.required', { label: t('calendar.year') }) }]}
          >
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
        )}
        <Form.Item
          name="content"
          label={t('adminCalendar.content')}
          extra={format === 'holiday-cn' ? t('adminCalendar.holidayCnHelp') : t('adminCalendar.rangesHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('form.required', { label: t('adminCalendar.content') }),
            },
            { max: 20000 },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 5, maxRows: 16 }}
            className="ow-mono"
            placeholder={
              format === 'holiday-cn'
                ? '{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}'
                : EXAMPLE
            }
          />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('adminCalendar.source')}
          extra={t('adminCalendar.sourceHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 200,
              message: t('adminCalendar.sourceRequired'),
            },
          ]}
        >
          <Input />
        </Form.Item>
        {error ? <ProblemAlert error={error} extra={extra} /> : null}
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }}>
          {t('adminCalendar.propose')}
        </Button>
      </Form>
    </Card>
  );
}
