import { Card, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumOptions } from '../../../domain/enums';

/** Limits and handling: committed ≤ statutory, an instant matter has committed 0 (checked here and by the server). */
export function ItemTimeFields() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('itemForm.time')}>
      <div className="ow-form-grid">
        <Form.Item name="handlingClass" label={t('itemForm.handlingClass')} rules={[{ required: true }]}>
          <Select options={enumOptions(t, 'handlingClass')} />
        </Form.Item>
        <Form.Item
          name="statutoryDays"
          label={t('itemForm.statutoryDays')}
          rules={[{ required: true, message: t('form.required', { label: t('itemForm.statutoryDays') }) }]}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="committedDays"
          label={t('itemForm.committedDays')}
          dependencies={['statutoryDays', 'handlingClass']}
          rules={[
            { required: true, message: t('form.required', { label: t('itemForm.committedDays') }) },
            ({ getFieldValue }) => ({
              validator: (_, v: number | null) => {
                if (v === null || v === undefined) return Promise.resolve();
                if (v > (getFieldValue('statutoryDays') ?? Infinity))
                  return Promise.reject(new Error(t('itemForm.committedTooLong')));
                if (getFieldValue('handlingClass') === 'instant' && v !== 0)
                  return Promise.reject(new Error(t('itemForm.instantZero')));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="maxVisits" label={t('itemForm.maxVisits')} rules={[{ required: true }]}>
          <Select
            options={[0, 1, 2].map((n) => ({
              value: n,
              label: n === 0 ? t('item.zeroVisits') : t('item.maxVisits', { count: n }),
            }))}
          />
        </Form.Item>
      </div>
      <Form.Item
        name="channels"
        label={t('itemForm.channels')}
        rules={[{ required: true, type: 'array', min: 1, message: t('itemForm.channelsRequired') }]}
      >
        <Select mode="multiple" options={enumOptions(t, 'channel')} />
      </Form.Item>
    </Card>
  );
}
