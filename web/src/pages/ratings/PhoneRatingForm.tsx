import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ratingsApi } from '../../api/ratings';
import { RatingForm } from './RatingForm';

/** A rating given by phone, entered by the hotline staff for the caller (a case or a handled complaint). */
export function PhoneRatingForm() {
  const { t } = useTranslation();
  return (
    <RatingForm
      set="on_site"
      onDone={() => undefined}
      submit={(v) =>
        ratingsApi.rateByPhone({
          ref: String(v.ref ?? '').trim(),
          level: v.level,
          indicators: v.indicators,
          comment: v.comment,
          ...(v.callerName ? { callerName: String(v.callerName) } : {}),
          ...(v.callerPhone ? { callerPhone: String(v.callerPhone) } : {}),
        })
      }
    >
      <Form.Item name="ref" label={t('ratings.phone.ref')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="callerName" label={t('ratings.phone.callerName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="callerPhone" label={t('ratings.phone.callerPhone')}>
        <Input maxLength={32} />
      </Form.Item>
    </RatingForm>
  );
}
