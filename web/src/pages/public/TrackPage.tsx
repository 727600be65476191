import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Button, Card, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../../api/problem';
import { servicesApi, type Tracking } from '../../api/services';
import { applyServerErrors } from '../../hooks/server-errors';
import { ComingSoon } from '../../components/ComingSoon';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TrackResult } from '../../components/TrackResult';

interface Values {
  receiptNo: string;
  code: string;
}

/**
 * 办件查询 by receipt number and check code. The QR code and link printed on every notice open
 * /track/<receipt number>?code=<check code>: the page fills both in and looks the case up at once. The page does not probe the API with a made-up receipt
 * (wrong lookups are rate-limited per address); it learns the service is missing from the first
 * lookup's 404 route_not_found and then says it is coming.
 */
export default function TrackPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<Tracking | null>(null);
  const [historyUrl, setHistoryUrl] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const params = useParams<{ receiptNo?: string }>();
  const [search] = useSearchParams();
  const linked = useRef(false);
  useEffect(() => {
    const receiptNo = params.receiptNo?.trim();
    const code = search.get('code')?.trim();
    if (!receiptNo || linked.current) return;
    linked.current = true; // once, even when React runs effects twice
    form.setFieldsValue({ receiptNo, ...(code ? { code } : {}) });
    if (code) void submit({ receiptNo, code });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on arrival only
  }, []);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await servicesApi.track(v.receiptNo.trim(), v.code.trim()));
      setHistoryUrl(servicesApi.historyUrl(v.receiptNo.trim(), v.code.trim()));
    } catch (e) {
      setResult(null);
      if (e instanceof ApiError && e.isMissingRoute) setMissing(true);
      setExtra(applyServerErrors(form, e, ['receiptNo'], '/params'));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('track.title')} subtitle={t('track.subtitle')} />
      {missing ? (
        <ComingSoon what={t('track.title')} />
      ) : (
        <Card size="small">
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            style={{ maxWidth: 420 }}
            requiredMark={false}
          >
            <Form.Item
              name="receiptNo"
              label={t('track.receiptNo')}
              rules={[
                { required: true, whitespace: true, message: t('track.receiptRequired') },
                { min: 4, max: 30, message: t('track.receiptLength') },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('track.code')}
              rules={[
                { required: true, whitespace: true, message: t('track.codeRequired') },
                { min: 4, max: 20, message: t('track.codeLength') },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            {error ? <ProblemAlert error={error} extra={extra} /> : null}
            <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>
              {t('track.submit')}
            </Button>
          </Form>
        </Card>
      )}
      {result && <TrackResult tracking={result} historyUrl={historyUrl} />}
    </Flex>
  );
}
