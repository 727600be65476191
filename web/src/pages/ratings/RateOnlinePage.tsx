import { Flex, Form, Input } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ratingsApi } from '../../api/ratings';
import { useAuth } from '../../hooks/use-auth';
import { PageTitle } from '../../components/PageTitle';
import { RatingForm } from './RatingForm';

/**
 * 好差评 online, after the matter: the page the completion message links to (/rate/{receiptNo}).
 * The applicant signed in rates their own case; anyone else proves it with the check code.
 */
export default function RateOnlinePage() {
  const { t } = useTranslation();
  const { receiptNo = '' } = useParams();
  const { user } = useAuth();
  const own = user?.role === 'applicant';
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 720 }}>
      <PageTitle title={t('ratings.online.title')} subtitle={t('ratings.online.subtitle', { receiptNo })} />
      <RatingForm
        set="online"
        submit={(v) =>
          ratingsApi.rateOnline({
            receiptNo,
            level: v.level,
            indicators: v.indicators,
            comment: v.comment,
            ...(typeof v.code === 'string' && v.code.trim() ? { code: v.code.trim() } : {}),
          })
        }
      >
        <Form.Item
          name="code"
          label={t('ratings.checkCode')}
          extra={own ? t('ratings.online.ownCase') : undefined}
          rules={
            own ? [] : [{ required: true, message: t('form.required', { label: t('ratings.checkCode') }) }]
          }
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
      </RatingForm>
    </Flex>
  );
}
