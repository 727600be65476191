import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../../api/account';
import type { FieldError } from '../../api/problem';
import { applyServerErrors } from '../../hooks/server-errors';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ButtonLink } from '../../components/ButtonLink';

interface Ask {
  username: string;
  contact: string;
}
interface Confirm {
  code: string;
  newPassword: string;
  again: string;
}

/**
 * 找回密码: the username and the registered phone or email ask for a code (the answer is the same
 * whether or not they match an account), then the code and a new password set it.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [askForm] = Form.useForm<Ask>();
  const [confirmForm] = Form.useForm<Confirm>();
  const [asked, setAsked] = useState<{ username: string; minutes: number } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);

  const ask = async (v: Ask) => {
    setBusy(true);
    setError(null);
    try {
      const r = await accountApi.requestReset(v.username.trim(), v.contact.trim());
      setAsked({ username: v.username.trim(), minutes: r.minutes });
    } catch (e) {
      setExtra(applyServerErrors(askForm, e, ['username', 'contact']));
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (v: Confirm) => {
    if (!asked) return;
    setBusy(true);
    setError(null);
    try {
      await accountApi.confirmReset(asked.username, v.code.trim(), v.newPassword);
      setDone(true);
    } catch (e) {
      setExtra(applyServerErrors(confirmForm, e, ['code', 'newPassword']));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex justify="center">
      <Card className="ow-login-card">
        <PageTitle title={t('account.forgotTitle')} />
        {done ? (
          <Flex vertical gap="middle">
            <Alert type="success" showIcon title={t('account.done')} />
            <ButtonLink to="/login" type="primary">
              {t('account.toLogin')}
            </ButtonLink>
          </Flex>
        ) : !asked ? (
          <>
            <Typography.Paragraph type="secondary">{t('account.forgotIntro')}</Typography.Paragraph>
            <Form form={askForm} layout="vertical" onFinish={ask} requiredMark={false}>
              <Form.Item
                name="username"
                label={t('account.username')}
                rules={[{ required: true, whitespace: true, message: t('account.usernameRequired') }]}
              >
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item
                name="contact"
                label={t('account.contact')}
                rules={[{ required: true, whitespace: true, message: t('account.contactRequired') }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              {error ? <ProblemAlert error={error} extra={extra} /> : null}
              <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 12 }}>
                {t('account.send')}
              </Button>
            </Form>
          </>
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              title={t('account.sent', { minutes: asked.minutes })}
              style={{ marginBottom: 16 }}
            />
            <Form form={confirmForm} layout="vertical" onFinish={confirm} requiredMark={false}>
              <Form.Item
                name="code"
                label={t('account.code')}
                rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('account.codeRule') }]}
              >
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t('account.newPassword')}
                extra={t('account.newPasswordRule')}
                rules={[
                  {
                    required: true,
                    min: 8,
                    pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/,
                    message: t('account.newPasswordRule'),
                  },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="again"
                label={t('account.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  { required: true, message: t('account.mismatch') },
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      !v || v === getFieldValue('newPassword')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('account.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              {error ? <ProblemAlert error={error} extra={extra} /> : null}
              <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 12 }}>
                {t('account.reset')}
              </Button>
              <Button
                type="link"
                block
                onClick={() => {
                  setAsked(null);
                  setError(null);
                }}
              >
                {t('account.again')}
              </Button>
            </Form>
          </>
        )}
        <Typography.Paragraph className="ow-small" style={{ marginTop: 16 }}>
          <Link to="/login">{t('account.toLogin')}</Link>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
