import { Card, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintsApi } from '../../api/complaints';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { QueueTable } from './QueueTable';

/**
 * The supervisors (discipline inspection): overdue tickets, returns, reopens, and the reports about a
 * department's leadership, which come to them instead of to the department.
 */
export default function SupervisorComplaintsPage() {
  const { t } = useTranslation();
  const q = useApi('complaint-supervision', (s) => complaintsApi.supervision(s));
  const lead = useApi('complaint-leadership', (s) => complaintsApi.workbench({}, s));
  const tab = (key: string, rows: Parameters<typeof QueueTable>[0]['items']) => ({
    key,
    label: `${t(`complaints.supervision.${key}`)} (${rows.length})`,
    children: <QueueTable items={rows} ariaLabel={t(`complaints.supervision.${key}`)} />,
  });
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('complaints.supervision.title')} subtitle={t('complaints.supervision.subtitle')} />
      <Card size="small">
        <Loadable state={q}>
          {(v) => (
            <Tabs
              items={[
                tab('overdue', v.overdue),
                tab('returned', v.returned),
                tab('reopened', v.reopened),
                tab(
                  'leadership',
                  (lead.data?.items ?? []).filter((r) => r.route === 'supervisors'),
                ),
              ]}
            />
          )}
        </Loadable>
      </Card>
    </Flex>
  );
}
