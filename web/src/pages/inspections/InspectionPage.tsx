import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi } from '../../api/inspections';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { formatFen } from '../../format/money';
import { formatInstant } from '../../format/date';
import { ResultModal } from './ResultModal';

/**
 * One inspection: its registration, the visit, the result and the record (检查记录, PDF) with the
 * enterprise's receipt. The department's inspectors and head end the visit and record the result here.
 */
export default function InspectionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { user, hasRole } = useAuth();
  const q = useApi(`inspection:${id}`, (s) => inspectionsApi.get(id, s));
  const [resulting, setResulting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Loadable state={q}>
      {(i) => {
        const acts = hasRole('inspector', 'head') && user?.departmentId === i.departmentId;
        return (
          <Flex vertical gap="middle">
            <PageTitle
              title={t('inspections.detailTitle', { number: i.number })}
              subtitle={`${i.departmentName} · ${i.enterpriseName}`}
              extra={
                <Space wrap>
                  <Tag>{t(`inspections.state.${i.state}`)}</Tag>
                  {acts && i.state === 'started' && (
                    <Button
                      type="primary"
                      onClick={async () => {
                        try {
                          setError(null);
                          await inspectionsApi.end(i.id, i.version);
                          q.reload();
                        } catch (e) {
                          setError((e as Error).message);
                        }
                      }}
                    >
                      {t('inspections.end')}
                    </Button>
                  )}
                  {acts && (i.state === 'started' || i.state === 'ended') && (
                    <Button
                      type={i.state === 'ended' ? 'primary' : 'default'}
                      onClick={() => setResulting(true)}
                    >
                      {t('inspections.recordResult')}
                    </Button>
                  )}
                </Space>
              }
            />
            {error && <Alert type="error" showIcon title={error} />}
            <Card size="small" title={t('inspections.registration')}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('inspections.enterprise')}>{i.enterpriseName}</Descriptions.Item>
                <Descriptions.Item label={t('inspections.creditCode')}>{i.creditCode}</Descriptions.Item>
                <Descriptions.Item label={t('inspections.plannedDate')}>{i.plannedDate}</Descriptions.Item>
                <Descriptions.Item label={t('inspections.maxMinutes')}>
                  {t('inspections.minutes', { n: i.maxMinutes })}
                </Descriptions.Item>
                <Descriptions.Item label={t('inspections.joint')}>
                  {i.joint ? t('inspections.jointYes') : t('common.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('inspections.notice')}>
                  {i.notice ? t('common.yes') : t('common.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('inspections.startedAt')}>
                  {i.startedAt ? formatInstant(i.startedAt, i18n.language) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('inspections.endedAt')}>
                  {i.endedAt ? formatInstant(i.endedAt, i18n.language) : '—'}
                  {i.overran && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      {t('inspections.overran')}
                    </Tag>
                  )}
                </Descriptions.Item>
              </Descriptions>
              <List
                size="small"
                header={t('inspections.items')}
                dataSource={i.items}
                renderItem={(it) => (
                  <List.Item>{`${it.code} v${it.versionNo} ${it.name} — ${it.basis}`}</List.Item>
                )}
              />
              <List
                size="small"
                header={t('inspections.inspectors')}
                dataSource={i.inspectors}
                renderItem={(p) => (
                  <List.Item>
                    {t('inspections.inspectorLine', { name: p.name, no: p.certificateNo, to: p.validTo })}
                  </List.Item>
                )}
              />
            </Card>
            {i.outcome && (
              <Card size="small" title={t('inspections.result')}>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('inspections.outcomeLabel')}>
                    {t(`inspections.outcome.${i.outcome}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('inspections.findings')}>{i.findings}</Descriptions.Item>
                  {i.rectificationDeadline && (
                    <Descriptions.Item label={t('inspections.rectificationDeadline')}>
                      {i.rectificationDeadline}
                    </Descriptions.Item>
                  )}
                  {i.penalty && (
                    <Descriptions.Item label={t('inspections.penalty')}>
                      {[
                        t(`inspections.severity.${i.penalty.severity}`),
                        i.penalty.warning ? t('inspections.warning') : null,
                        i.penalty.fineFen ? formatFen(i.penalty.fineFen, i18n.language) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                      {i.penalty.outsideStandard && (
                        <Tag color="red" style={{ marginInlineStart: 8 }}>
                          {t('inspections.outsideTag')}
                        </Tag>
                      )}
                    </Descriptions.Item>
                  )}
                  {i.penalty?.reason && (
                    <Descriptions.Item label={t('inspections.reason')}>{i.penalty.reason}</Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('inspections.record')}>
                    {i.recordNumber ? (
                      <a href={inspectionsApi.recordUrl(i.id)} target="_blank" rel="noreferrer">
                        {t('inspections.recordLink', { number: i.recordNumber })}
                      </a>
                    ) : (
                      '—'
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('inspections.receivedAt')}>
                    {i.receivedAt ? formatInstant(i.receivedAt, i18n.language) : t('inspections.notReceived')}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            )}
            {resulting && (
              <ResultModal
                open
                inspection={i}
                onClose={() => setResulting(false)}
                onDone={() => q.reload()}
              />
            )}
          </Flex>
        );
      }}
    </Loadable>
  );
}
