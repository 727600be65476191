import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type InspectionView, type Proof } from '../../api/inspections';
import { RatingForm } from '../ratings/RatingForm';

/**
 * The enterprise's own inspections — through its account, or with the code on its sign and its
 * check code — with the record (PDF), its signature for receipt, and a rating of a concluded one.
 */
export function EnterpriseHistory({
  items,
  proof,
  onChange,
}: {
  items: InspectionView[];
  proof?: Proof;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<InspectionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const receive = async (i: InspectionView) => {
    try {
      setError(null);
      await inspectionsApi.receipt(i.id, proof);
      onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Table<InspectionView>
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('inspections.plannedDate'), dataIndex: 'plannedDate' },
          { title: t('inspections.number'), dataIndex: 'number' },
          { title: t('inspections.department'), dataIndex: 'departmentName' },
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
                <a href={inspectionsApi.enterpriseRecordUrl(r.id, proof)} target="_blank" rel="noreferrer">
                  {t(`inspections.outcome.${o}`)}
                </a>
              ) : (
                '—'
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Space wrap>
                {r.recordNumber && !r.receivedAt && (
                  <Button size="small" type="primary" onClick={() => receive(r)}>
                    {t('inspections.signReceipt')}
                  </Button>
                )}
                {r.receivedAt && <Tag color="green">{t('inspections.receivedTag')}</Tag>}
                {r.state === 'concluded' && (
                  <Button size="small" onClick={() => setRating(r)}>
                    {t('inspections.rate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
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
              inspectionsApi.rate(
                rating.id,
                { level: v.level, indicators: v.indicators, ...(v.comment ? { comment: v.comment } : {}) },
                proof,
              )
            }
          />
        )}
      </Modal>
    </>
  );
}
