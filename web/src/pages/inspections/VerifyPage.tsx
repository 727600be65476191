import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type HistoryView } from '../../api/inspections';
import { EnterpriseHistory } from './EnterpriseHistory';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

/**
 * The page behind an enterprise's code (扫码入企), made for a phone: anyone sees what is registered
 * — department, items and basis, inspectors with certificate numbers, allowed length; an inspector
 * logged in starts the visit from here, and a start without registration is refused and recorded.
 * The enterprise itself, with its check code, sees its inspections here, signs for a record and rates.
 */
export default function VerifyPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const q = useApi(`inspect:${code}`, (s) => inspectionsApi.verify(code, s));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [check, setCheck] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryView | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const openHistory = async (c: string) => {
    try {
      setHistoryError(null);
      setHistory(await inspectionsApi.history(undefined, { code, check: c }));
      setCheck(c);
    } catch (e) {
      setHistoryError((e as Error).message);
    }
  };
  const start = async () => {
    try {
      const i = await inspectionsApi.scan(code);
      setOutcome({ ok: true, text: t('inspections.started', { number: i.number }) });
      q.reload();
    } catch (e) {
      setOutcome({ ok: false, text: (e as Error).message });
    }
  };
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 560, margin: '0 auto' }}>
      <PageTitle title={t('inspections.verifyTitle')} subtitle={t('inspections.verifySubtitle')} />
      {outcome && <Alert type={outcome.ok ? 'success' : 'error'} showIcon title={outcome.text} />}
      {hasRole('inspector') && (
        <Button type="primary" size="large" block onClick={start}>
          {t('inspections.startVisit')}
        </Button>
      )}
      <Loadable state={q}>
        {(v) => (
          <>
            <Card size="small">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {v.enterpriseName}
              </Typography.Title>
              <Typography.Text type="secondary">{v.creditCode}</Typography.Text>
            </Card>
            {v.registrations.length === 0 && (
              <Alert type="warning" showIcon title={t('inspections.noneRegistered')} />
            )}
            {v.registrations.map((r) => (
              <Card
                key={r.id}
                size="small"
                title={`${r.departmentName} · ${r.number}`}
                extra={<Tag>{t(`inspections.state.${r.state}`)}</Tag>}
              >
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('inspections.plannedDate')}>{r.plannedDate}</Descriptions.Item>
                  <Descriptions.Item label={t('inspections.maxMinutes')}>
                    {t('inspections.minutes', { n: r.maxMinutes })}
                  </Descriptions.Item>
                  {r.joint && (
                    <Descriptions.Item label={t('inspections.joint')}>
                      {t('inspections.jointYes')}
                    </Descriptions.Item>
                  )}
                </Descriptions>
                <Typography.Text strong>{t('inspections.items')}</Typography.Text>
                <List
                  size="small"
                  dataSource={r.items}
                  renderItem={(it) => <List.Item>{`${it.name} — ${it.basis}`}</List.Item>}
                />
                <Typography.Text strong>{t('inspections.inspectors')}</Typography.Text>
                <List
                  size="small"
                  dataSource={r.inspectors}
                  renderItem={(p) => (
                    <List.Item>
                      {t('inspections.inspectorLine', { name: p.name, no: p.certificateNo, to: p.validTo })}
                    </List.Item>
                  )}
                />
              </Card>
            ))}
          </>
        )}
      </Loadable>
      <Card size="small" title={t('inspections.ownTitle')}>
        {history && check ? (
          <EnterpriseHistory
            items={history.items}
            proof={{ code, check }}
            onChange={() => void openHistory(check)}
          />
        ) : (
          <Form layout="vertical" onFinish={(v: { check: string }) => openHistory(v.check.trim())}>
            <Form.Item
              name="check"
              label={t('inspections.checkCodeLabel')}
              extra={t('inspections.checkCodeHint')}
              rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
            >
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
            {historyError && (
              <Alert type="error" showIcon title={historyError} style={{ marginBottom: 16 }} />
            )}
            <Button htmlType="submit" block>
              {t('inspections.ownOpen')}
            </Button>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
