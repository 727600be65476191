import { Card, Flex, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disclosureApi, type StatementView } from '../../api/disclosure';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { periodLabel } from './period-label';

type Line = StatementView['income'][number];
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;

function Lines({ title, lines, totalFen }: { title: string; lines: Line[]; totalFen: number }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title}>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={lines}
        locale={{ emptyText: t('disclosure.statement.noLines') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('disclosure.statement.item'), dataIndex: 'name' },
          { title: t('disclosure.statement.amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
          { title: t('disclosure.statement.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('disclosure.statement.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{yuan(totalFen)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

/** One period's statement: income, expenditure, assets with totals, major matters, attachments. */
export default function StatementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useApi(`disclosure-statement:${id}`, (s) => disclosureApi.statement(id, s));
  return (
    <Loadable state={q} rows={10}>
      {(s) => (
        <Flex vertical gap="middle">
          <PageTitle
            title={`${s.township} ${s.villageName} · ${periodLabel(t, s.period)}`}
            subtitle={
              <>
                {t('disclosure.statement.published', { date: s.publishedAt.slice(0, 10), due: s.dueOn })}{' '}
                <Tag color={s.onTime ? 'green' : 'orange'}>
                  {t(s.onTime ? 'disclosure.periodState.disclosed' : 'disclosure.periodState.disclosed_late')}
                </Tag>
              </>
            }
            extra={<Link to={`/disclosure/villages/${s.villageId}`}>{t('disclosure.statement.back')}</Link>}
          />
          <Lines title={t('disclosure.statement.income')} lines={s.income} totalFen={s.totals.incomeFen} />
          <Lines
            title={t('disclosure.statement.expenditure')}
            lines={s.expenditure}
            totalFen={s.totals.expenditureFen}
          />
          <Lines title={t('disclosure.statement.assets')} lines={s.assets} totalFen={s.totals.assetsFen} />
          <Card size="small" title={t('disclosure.statement.majorMatters')}>
            {s.majorMatters.length === 0 ? (
              <Typography.Text>{t('disclosure.statement.noMatters')}</Typography.Text>
            ) : (
              <ol className="ow-numbered">
                {s.majorMatters.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ol>
            )}
            {s.note && <Typography.Paragraph>{s.note}</Typography.Paragraph>}
          </Card>
          <Card size="small" title={t('disclosure.statement.files')}>
            {s.files.length === 0 ? (
              <Typography.Text>{t('disclosure.statement.noFiles')}</Typography.Text>
            ) : (
              <ul className="ow-plain-list">
                {s.files.map((f) => (
                  <li key={f.id}>
                    <a href={disclosureApi.fileUrl(s.id, f.id)} download={f.name}>
                      {f.name}
                    </a>{' '}
                    <Typography.Text type="secondary" className="ow-small">
                      {(f.size / 1024).toFixed(1)} KB
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Flex>
      )}
    </Loadable>
  );
}
