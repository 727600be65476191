import { useState } from 'react';
import { Button, Card, Flex, Form, Input } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { complaintsApi } from '../../api/complaints';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { TrackedTicket } from './TrackedTicket';

type Values = { ticketNo: string; code: string };

/** Login-free tracking with the ticket number and the check code (the code stays out of the address). */
export default function TrackComplaintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [asked, setAsked] = useState<Values | null>(null);
  const q = useApi(asked ? `complaint-track:${asked.ticketNo}:${asked.code}` : null, (s) =>
    complaintsApi.track(asked!.ticketNo, asked!.code, s),
  );
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('complaints.track.title')} subtitle={t('complaints.track.subtitle')} />
      <Card size="small">
        <Form<Values>
          layout="inline"
          initialValues={{ ticketNo: params.get('ticket') ?? '' }}
          onFinish={(v) => setAsked({ ticketNo: v.ticketNo.trim(), code: v.code.trim() })}
        >
          <Form.Item
            name="ticketNo"
            label={t('complaints.ticketNo')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('form.required', { label: t('complaints.ticketNo') }),
              },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('complaints.checkCode')}
            rules={[
              { required: true, min: 4, message: t('form.required', { label: t('complaints.checkCode') }) },
            ]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('complaints.track.look')}
          </Button>
        </Form>
      </Card>
      {asked && (
        <Loadable state={q}>
          {(v) => <TrackedTicket ticket={v} code={asked.code} onChanged={q.reload} />}
        </Loadable>
      )}
    </Flex>
  );
}
