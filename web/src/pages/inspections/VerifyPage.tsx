import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi } from '../../api/inspections';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

/**
 * The page behind an enterprise's code (扫码入企), made for a phone: anyone sees what is registered
 * — department, items and basis, inspectors with certificate numbers, allowed length; an inspector
 * logged in starts the visit from here, and a start without registration is refused and recorded.
 */
export default function VerifyPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const q = useApi(`inspect:${code}`, (s) => inspectionsApi.verify(code, s));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
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
    </Flex>
  );
}
