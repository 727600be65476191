import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/http';
import type { FieldError } from '../../api/problem';
import { useAuth } from '../../hooks/use-auth';
import { applyServerErrors } from '../../hooks/server-errors';
import { checkCreditCode, checkResidentId, type IdCheckFailure } from '../../domain/id-checks';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

interface Values {
  kind: 'person' | 'enterprise';
  username: string;
  displayName: string;
  password: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  email?: string;
}

const FIELDS = [
  'kind',
  'username',
  'displayName',
  'password',
  'idNumber',
  'creditCode',
  'phone',
  'email',
] as const;

const ID_TEXT: Record<IdCheckFailure, string> = {
  format: 'register.idFormat',
  birth_date: 'register.idBirthDate',
  check_char: 'register.idCheckChar',
};
const CREDIT_TEXT: Record<IdCheckFailure, string> = {
  format: 'register.creditFormat',
  birth_date: 'register.creditFormat',
  check_char: 'register.creditCheckChar',
};

/** A form rule from an ID check: the failure's message, or nothing when the value is valid (or empty: `required` speaks then). */
const idRule = (
  check: (v: string) => IdCheckFailure | null,
  text: Record<IdCheckFailure, string>,
  t: (k: string) => string,
) => ({
  validator: async (_: unknown, value: string | undefined) => {
    const why = value?.trim() ? check(value) : null;
    if (why) throw new Error(t(text[why]));
  },
});

/** Registration of an applicant: a person (身份证号) or an enterprise (统一社会信用代码); then logged in. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {
      kind: v.kind,
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      password: v.password,
    };
    if (v.kind === 'person' && v.idNumber) body.idNumber = v.idNumber.trim().toUpperCase();
    if (v.kind === 'enterprise' && v.creditCode) body.creditCode = v.creditCode.trim().toUpperCase();
    if (v.phone) body.phone = v.phone.trim();
    if (v.email) body.email = v.email.trim();
    try {
      await http.post('/auth/register', body);
      await login(v.username.trim(), v.password);
      navigate('/my/cases', { replace: true });
    } catch (e) {
      // Schema errors name /body/…; the register use case names the field alone (/idNumber).
      setExtra(applyServerErrors(form, e, FIELDS));
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Flex justify="center">
      <Card className="ow-login-card">
        <PageTitle title={t('register.title')} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'person' }}>
          <Form.Item name="kind" label={t('apply.kind')}>
            <Radio.Group
              options={[
                { value: 'person', label: t('apply.person') },
                { value: 'enterprise', label: t('apply.enterprise') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={kind === 'enterprise' ? t('register.enterpriseName') : t('register.personName')}
            rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          {kind === 'enterprise' ? (
            <Form.Item
              name="creditCode"
              label={t('apply.creditCode')}
              validateFirst
              rules={[
                { required: true, whitespace: true, message: t('register.creditRequired') },
                idRule(checkCreditCode, CREDIT_TEXT, t),
              ]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          ) : (
            <Form.Item
              name="idNumber"
              label={t('apply.idNumber')}
              validateFirst
              rules={[
                { required: true, whitespace: true, message: t('register.idRequired') },
                idRule((v) => checkResidentId(v), ID_TEXT, t),
              ]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('apply.phone')}
            rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('apply.phoneRule') }]}
          >
            <Input maxLength={11} />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('register.email')}
            rules={[{ type: 'email', message: t('register.emailRule') }]}
          >
            <Input />
          </Form.Item>
          {error ? <ProblemAlert error={error} extra={extra} /> : null}
          <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 12 }}>
            {t('register.submit')}
          </Button>
        </Form>
        <Typography.Paragraph className="ow-small" style={{ marginTop: 16 }}>
          <Link to="/login">{t('register.haveAccount')}</Link>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
