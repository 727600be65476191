import { Alert, Card, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { casesApi, type WorkItem } from '../../api/cases';
import { enumLabel } from '../../domain/enums';
import { formatDate } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { ColourTag } from '../../components/ColourTag';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

/** 审查工作台: my department's review tasks, the closest deadline first, with their red/yellow light. */
export default function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const q = useApi('worklist', (s) => casesApi.worklist(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('workbench.title')} subtitle={t('workbench.subtitle')} />
      <Card size="small">
        <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('workbench.empty')}>
          {(d) => (
            <>
              {d.items.some((w) => w.extensionPending) && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('workbench.extensionsWaiting', {
                    count: d.items.filter((w) => w.extensionPending).length,
                  })}
                />
              )}
              <Table<WorkItem>
                size="small"
                rowKey="taskId"
                pagination={false}
                dataSource={d.items}
                scroll={{ x: true }}
                rowClassName={(r) => (r.colour ? `ow-row-${r.colour}` : '')}
                columns={[
                  {
                    title: t('caseDetail.receiptNo'),
                    dataIndex: 'receiptNo',
                    render: (no: string, r) => <Link to={`/cases/${r.caseId}`}>{no}</Link>,
                  },
                  {
                    title: t('caseDetail.title'),
                    dataIndex: 'title',
                    // A department reviewing part of a bundle reads its own item, the bundle beneath.
                    render: (title: string, r) => (
                      <Flex vertical gap={0}>
                        <span>{title}</span>
                        {r.caseTitle !== title && (
                          <Typography.Text type="secondary" className="ow-small">
                            {r.caseTitle}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                  },
                  {
                    title: t('common.status'),
                    dataIndex: 'taskState',
                    render: (s: string, r) => (
                      <>
                        {<Tag>{enumLabel(t, 'taskState', s)}</Tag>}
                        {r.extensionPending && <Tag color="orange">{t('workbench.extensionPending')}</Tag>}
                      </>
                    ),
                  },
                  {
                    title: t('track.due'),
                    dataIndex: 'dueDate',
                    render: (dd: string | null) => (dd ? formatDate(dd, i18n.language) : '—'),
                  },
                  {
                    title: t('workbench.light'),
                    dataIndex: 'colour',
                    render: (c: string | null) => <ColourTag colour={c} />,
                  },
                ]}
              />
            </>
          )}
        </Loadable>
      </Card>
    </Flex>
  );
}
