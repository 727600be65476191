import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/problem';
import { HOME_OF_ROLE, useAuth } from '../../hooks/use-auth';
import { applyServerErrors } from '../../hooks/server-errors';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { status, user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;

  if (status === 'authenticated' && user && !busy)
    return <Navigate to={safeNext ?? HOME_OF_ROLE[user.role]} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login(v.username.trim(), v.password);
      navigate(safeNext ?? HOME_OF_ROLE[me.role], { replace: true });
    } catch (e) {
      setExtra(applyServerErrors(form, e, ['username', 'password']));
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Flex justify="center">
      <Card className="ow-login-card">
        <PageTitle title={t('login.title')} />
        <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error ? <ProblemAlert error={error} extra={extra} /> : null}
          <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 12 }}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="ow-small" style={{ marginTop: 16 }}>
          {t('login.staffHint')}
        </Typography.Paragraph>
        <Flex className="ow-small" gap="middle" wrap>
          <Link to="/register">{t('login.register')}</Link>
          <Link to="/forgot-password">{t('account.forgot')}</Link>
        </Flex>
      </Card>
    </Flex>
  );
}
