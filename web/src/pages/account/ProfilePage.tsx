import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountApi, type Profile } from '../../api/account';
import type { FieldError } from '../../api/problem';
import { applyServerErrors } from '../../hooks/server-errors';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

interface Values {
  displayName: string;
  phone?: string;
  email?: string;
  address?: string;
  contactName?: string;
}
const FIELDS = ['displayName', 'phone', 'email', 'address', 'contactName'] as const;

/** 我的资料: what an applicant keeps to prefill their application forms. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const state = useApi('me:profile', (s) => accountApi.profile(s));
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 720 }}>
      <PageTitle title={t('account.profileTitle')} subtitle={t('account.profileIntro')} />
      <Loadable state={state} rows={6} isEmpty={() => false}>
        {(p) => <ProfileForm profile={p} />}
      </Loadable>
    </Flex>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState(profile);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const enterprise = current.kind === 'enterprise';
  useEffect(() => {
    form.setFieldsValue({
      displayName: current.displayName,
      phone: current.phone ?? '',
      email: current.email ?? '',
      address: current.address ?? '',
      contactName: current.contactName ?? '',
    });
  }, [current, form]);

  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await accountApi.saveProfile({
        version: current.version,
        displayName: v.displayName,
        phone: v.phone || null,
        email: v.email || null,
        address: v.address || null,
        contactName: v.contactName || null,
      });
      setCurrent(saved);
      void message.success(t('account.saved'));
    } catch (e) {
      setExtra(applyServerErrors(form, e, FIELDS));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'u', label: t('account.username'), children: current.username },
          {
            key: 'id',
            label: t(enterprise ? 'account.creditCode' : 'account.idNumber'),
            children: (enterprise ? current.creditCode : current.idNumber) ?? '—',
          },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={save} requiredMark>
        <Form.Item
          name="displayName"
          label={t(enterprise ? 'account.nameEnterprise' : 'account.namePerson')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('account.nameRule') }]}
        >
          <Input autoComplete={enterprise ? 'organization' : 'name'} />
        </Form.Item>
        <div className="ow-form-grid">
          <Form.Item
            name="phone"
            label={t('account.phone')}
            rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('account.phoneRule') }]}
          >
            <Input inputMode="tel" autoComplete="tel" maxLength={11} />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('account.email')}
            rules={[{ type: 'email', message: t('account.emailRule') }]}
          >
            <Input autoComplete="email" maxLength={200} />
          </Form.Item>
        </div>
        <Form.Item name="address" label={t('account.address')} rules={[{ max: 200 }]}>
          <Input autoComplete="street-address" maxLength={200} />
        </Form.Item>
        <Form.Item name="contactName" label={t('account.contactName')} rules={[{ max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        {error ? <ProblemAlert error={error} extra={extra} /> : null}
        <Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('account.save')}
          </Button>
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}
