import { Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ratingsApi } from '../../api/ratings';
import { PageTitle } from '../../components/PageTitle';
import { RatingForm } from './RatingForm';

/**
 * The window's tablet (评价器): the person just served rates the visit, keyed to their queue
 * ticket; the tablet stays signed in as the window, and the next person rates after them.
 */
export default function TabletRatingPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 720 }}>
      <PageTitle title={t('ratings.tablet.title')} subtitle={t('ratings.tablet.subtitle')} />
      <RatingForm
        set="on_site"
        onDone={() => undefined}
        submit={(v) =>
          ratingsApi.rateOnSite({
            ticketNo: String(v.ticketNo ?? '').trim(),
            level: v.level,
            indicators: v.indicators,
            comment: v.comment,
          })
        }
      >
        <Form.Item
          name="ticketNo"
          label={t('ratings.ticketNo')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('form.required', { label: t('ratings.ticketNo') }),
            },
          ]}
        >
          <Input maxLength={32} size="large" autoComplete="off" />
        </Form.Item>
      </RatingForm>
    </Flex>
  );
}
