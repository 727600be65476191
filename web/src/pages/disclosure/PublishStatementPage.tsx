import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Select, Typography, Upload } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disclosureApi, type StatementBody, type StatementView } from '../../api/disclosure';
import type { FieldError } from '../../api/problem';
import { applyServerErrors } from '../../hooks/server-errors';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LinesField } from './LinesField';
import { periodLabel } from './period-label';

type Line = { name: string; yuan: number; note?: string };
interface Values {
  village: string;
  period: string;
  income?: Line[];
  expenditure?: Line[];
  assets?: Line[];
  majorMatters?: string;
  note?: string;
}
const FIELDS = ['period', 'income', 'expenditure', 'assets', 'majorMatters', 'note'];
const toLines = (ls: Line[] = []) =>
  ls.map((l) => ({ name: l.name.trim(), amountFen: Math.round(l.yuan * 100) }));

/** Township staff publish a village's statement for a period, then attach the scans. */
export default function PublishStatementPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const villages = useApi('disclosure-villages', (s) => disclosureApi.villages(s));
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('village', form);
  const mine = (villages.data?.items ?? []).filter(
    (v) => user?.role === 'admin' || v.departmentId === user?.departmentId,
  );
  const village = mine.find((v) => v.id === chosen);
  const periods = useApi(chosen ? `disclosure-village:${chosen}` : null, (s) =>
    disclosureApi.village(chosen!, s),
  );
  const open = (periods.data?.periods ?? []).filter((p) => p.statementId === null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [published, setPublished] = useState<StatementView | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body: StatementBody = {
        period: v.period,
        income: toLines(v.income),
        expenditure: toLines(v.expenditure),
        assets: toLines(v.assets),
        majorMatters: (v.majorMatters ?? '')
          .split('\n')
          .map((m) => m.trim())
          .filter(Boolean),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      setPublished(await disclosureApi.publishStatement(v.village, body));
      void message.success(t('disclosure.publish.done'));
      periods.reload();
    } catch (e) {
      setExtra(applyServerErrors(form, e, FIELDS));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('disclosure.publish.title')} subtitle={t('disclosure.publish.subtitle')} />
      {published && (
        <Card size="small" title={t('disclosure.publish.attachTitle')}>
          <Flex vertical gap="small" align="start">
            <Typography.Text>
              {t('disclosure.publish.published', {
                village: published.villageName,
                period: periodLabel(t, published.period),
              })}{' '}
              <Link to={`/disclosure/statements/${published.id}`}>{t('disclosure.publish.view')}</Link>
            </Typography.Text>
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                disclosureApi.attach(published.id, file).then(
                  (s) => {
                    setPublished(s);
                    void message.success(t('disclosure.publish.attached', { name: file.name }));
                  },
                  (e: unknown) => setError(e),
                );
                return false;
              }}
            >
              <Button>{t('disclosure.publish.attach')}</Button>
            </Upload>
            <ul className="ow-plain-list">
              {published.files.map((f) => (
                <li key={f.id}>{f.name}</li>
              ))}
            </ul>
            <Button
              onClick={() => {
                setPublished(null);
                form.resetFields();
              }}
            >
              {t('disclosure.publish.another')}
            </Button>
          </Flex>
        </Card>
      )}
      {!published && (
        <Card size="small">
          <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }}>
            <Form.Item
              name="village"
              label={t('disclosure.publish.village')}
              rules={[
                { required: true, message: t('form.required', { label: t('disclosure.publish.village') }) },
              ]}
            >
              <Select
                options={mine.map((v) => ({ value: v.id, label: `${v.township} ${v.name}` }))}
                onChange={() => form.setFieldValue('period', undefined)}
              />
            </Form.Item>
            <Form.Item
              name="period"
              label={t('disclosure.publish.period')}
              extra={village ? t(`disclosure.cadence.${village.cadence}`) : undefined}
              rules={[
                { required: true, message: t('form.required', { label: t('disclosure.publish.period') }) },
              ]}
            >
              <Select
                disabled={!chosen}
                options={open.map((p) => ({
                  value: p.period,
                  label: `${periodLabel(t, p.period)} · ${t(`disclosure.periodState.${p.state}`)}`,
                }))}
              />
            </Form.Item>
            <LinesField name="income" label={t('disclosure.statement.income')} />
            <LinesField name="expenditure" label={t('disclosure.statement.expenditure')} />
            <LinesField name="assets" label={t('disclosure.statement.assets')} />
            <Form.Item
              name="majorMatters"
              label={t('disclosure.statement.majorMatters')}
              extra={t('disclosure.publish.oneLine')}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="note" label={t('disclosure.statement.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            {error ? <ProblemAlert error={error} extra={extra} /> : null}
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('disclosure.publish.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
