import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type InspectionView } from '../../api/inspections';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ButtonLink } from '../../components/ButtonLink';
import { EnterpriseHistory } from './EnterpriseHistory';
import { RegisterModal } from './RegisterModal';

/**
 * A department's plan, calendar and records, newest day first (the supervisors see every
 * department), where its inspectors and head register an inspection; the enterprise's own history,
 * with the record, its receipt and a rating.
 */
export default function InspectionsPage({ view }: { view: 'department' | 'enterprise' }) {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const [registering, setRegistering] = useState(false);
  const enterprise = view === 'enterprise';
  const q = useApi<{ items: InspectionView[]; total: number }>(`inspections:${view}`, (s) =>
    view === 'enterprise' ? inspectionsApi.history(s) : inspectionsApi.list({ page: 1, pageSize: 200 }, s),
  );
  const registers = !enterprise && hasRole('inspector', 'head') && !!user?.departmentId;
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t(`inspections.${view}Title`)}
        subtitle={t(`inspections.${view}Subtitle`)}
        extra={
          registers && (
            <Space wrap>
              {hasRole('inspector') && (
                <ButtonLink to="/inspections/scan">{t('inspections.scanTitle')}</ButtonLink>
              )}
              <Button type="primary" onClick={() => setRegistering(true)}>
                {t('inspections.register')}
              </Button>
            </Space>
          )
        }
      />
      <Card size="small">
        <Loadable state={q} isEmpty={(p) => p.total === 0} emptyText={t('inspections.empty')}>
          {(p) =>
            enterprise ? (
              <EnterpriseHistory items={p.items} onChange={q.reload} />
            ) : (
              <Table<InspectionView>
                size="small"
                rowKey="id"
                dataSource={p.items}
                pagination={false}
                scroll={{ x: true }}
                columns={[
                  { title: t('inspections.plannedDate'), dataIndex: 'plannedDate' },
                  {
                    title: t('inspections.number'),
                    dataIndex: 'number',
                    render: (n: string, r) => <Link to={`/inspections/${r.id}`}>{n}</Link>,
                  },
                  { title: t('inspections.department'), dataIndex: 'departmentName' },
                  { title: t('inspections.enterprise'), dataIndex: 'enterpriseName' },
                  {
                    title: t('inspections.stateLabel'),
                    dataIndex: 'state',
                    render: (s: string) => <Tag>{t(`inspections.state.${s}`)}</Tag>,
                  },
                  {
                    title: t('inspections.outcomeLabel'),
                    dataIndex: 'outcome',
                    render: (o: string | null, r) =>
                      o ? (
                        <a href={inspectionsApi.recordUrl(r.id)} target="_blank" rel="noreferrer">
                          {t(`inspections.outcome.${o}`)}
                        </a>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    title: t('inspections.joint'),
                    dataIndex: 'joint',
                    render: (j: boolean) => (j ? t('inspections.jointYes') : ''),
                  },
                ]}
              />
            )
          }
        </Loadable>
      </Card>
      {registers && (
        <RegisterModal
          open={registering}
          departmentId={user!.departmentId!}
          onClose={() => setRegistering(false)}
          onRegistered={q.reload}
        />
      )}
    </Flex>
  );
}
