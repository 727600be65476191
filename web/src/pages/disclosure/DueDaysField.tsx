import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_DUE_DAYS } from './village-admin';

/** The days a village has after each period to disclose it: one field for registering and for changing the cadence. */
export function DueDaysField() {
  const { t } = useTranslation();
  const label = t('villageAdmin.dueDays');
  return (
    <Form.Item
      name="dueDays"
      label={label}
      rules={[
        { required: true, message: t('form.required', { label }) },
        {
          type: 'integer',
          min: 0,
          max: MAX_DUE_DAYS,
          message: t('villageAdmin.dueDaysRange', { max: MAX_DUE_DAYS }),
        },
      ]}
    >
      <InputNumber min={0} max={MAX_DUE_DAYS} precision={0} suffix={t('villageAdmin.days')} />
    </Form.Item>
  );
}
