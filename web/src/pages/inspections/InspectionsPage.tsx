import { useState } from 'react';
import { Button, Card, Flex, Modal, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type InspectionView } from '../../api/inspections';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { RatingForm } from '../ratings/RatingForm';

/**
 * A department's plan, calendar and records, newest day first (the supervisors see every
 * department); the enterprise's own history uses the same table.
 */
export default function InspectionsPage({ view }: { view: 'department' | 'enterprise' }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<InspectionView | null>(null);
  const enterprise = view === 'enterprise';
  const q = useApi<{ items: InspectionView[]; total: number }>(`inspections:${view}`, (s) =>
    view === 'enterprise' ? inspectionsApi.history(s) : inspectionsApi.list({ page: 1, pageSize: 200 }, s),
  );
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t(`inspections.${view}Title`)} subtitle={t(`inspections.${view}Subtitle`)} />
      <Card size="small">
        <Loadable state={q} isEmpty={(p) => p.total === 0} emptyText={t('inspections.empty')}>
          {(p) => (
            <Table<InspectionView>
              size="small"
              rowKey="id"
              dataSource={p.items}
              pagination={false}
              scroll={{ x: true }}
              columns={[
                { title: t('inspections.plannedDate'), dataIndex: 'plannedDate' },
                { title: t('inspections.number'), dataIndex: 'number' },
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
                      <a
                        href={
                          enterprise
                            ? inspectionsApi.enterpriseRecordUrl(r.id)
                            : inspectionsApi.recordUrl(r.id)
                        }
                        target="_blank"
                        rel="noreferrer"
                      >
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
                ...(enterprise
                  ? [
                      {
                        title: t('inspections.rateLabel'),
                        key: 'rate',
                        render: (_: unknown, r: InspectionView) =>
                          r.state === 'concluded' ? (
                            <Button size="small" onClick={() => setRating(r)}>
                              {t('inspections.rate')}
                            </Button>
                          ) : (
                            '—'
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Loadable>
      </Card>
      <Modal
        open={rating !== null}
        title={rating ? t('inspections.rateTitle', { number: rating.number }) : ''}
        footer={null}
        onCancel={() => setRating(null)}
        destroyOnHidden
      >
        {rating && (
          <RatingForm
            set="online"
            submit={(v) =>
              inspectionsApi.rate(rating.id, {
                level: v.level,
                indicators: v.indicators,
                ...(v.comment ? { comment: v.comment } : {}),
              })
            }
          />
        )}
      </Modal>
    </Flex>
  );
}
