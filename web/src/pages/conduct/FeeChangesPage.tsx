import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { feeReviewApi } from '../../api/conduct';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

const yuan = (fen: number | null) => (fen === null ? '—' : `¥${(fen / 100).toFixed(2)}`);

/** The public list of fees abolished and reduced (清理收费), with dates and the yearly amount saved. */
export default function FeeChangesPage() {
  const { t } = useTranslation();
  const q = useApi('fee-changes', (s) => feeReviewApi.changes(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('conduct.fees.publicTitle')} subtitle={t('conduct.fees.publicSubtitle')} />
      <Card size="small">
        <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('conduct.fees.noChanges')}>
          {(d) => (
            <Flex vertical gap="small">
              <Typography.Text strong>
                {t('conduct.fees.totalSaving')}: {yuan(d.totalYearlySavingFen)}
              </Typography.Text>
              <Table
                rowKey="feeCode"
                size="small"
                pagination={false}
                dataSource={d.items}
                columns={[
                  { title: t('conduct.fees.fee'), render: (_: unknown, r) => `${r.feeName}（${r.feeCode}）` },
                  { title: t('conduct.fees.department'), dataIndex: 'departmentName' },
                  {
                    title: t('conduct.fees.change'),
                    dataIndex: 'change',
                    render: (v: string) => (
                      <Tag color={v === 'abolish' ? 'red' : 'orange'}>{t(`conduct.fees.proposals.${v}`)}</Tag>
                    ),
                  },
                  { title: t('conduct.fees.oldStandard'), dataIndex: 'oldStandard' },
                  {
                    title: t('conduct.fees.newStandard'),
                    dataIndex: 'newStandard',
                    render: (v: string | null) => v ?? '—',
                  },
                  {
                    title: t('conduct.fees.effectiveDate'),
                    dataIndex: 'effectiveDate',
                    render: (v: string, r) => (
                      <>
                        {v} {r.inForce ? <Tag color="green">{t('conduct.fees.inForce')}</Tag> : null}
                      </>
                    ),
                  },
                  { title: t('conduct.fees.yearlySaving'), dataIndex: 'yearlySavingFen', render: yuan },
                ]}
              />
            </Flex>
          )}
        </Loadable>
      </Card>
    </Flex>
  );
}
