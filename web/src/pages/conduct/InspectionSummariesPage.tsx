import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionApi } from '../../api/conduct';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { Tally } from './Tally';

/** Published summaries of self-inspection campaigns: the figures and the supervisors' text. */
export default function InspectionSummariesPage() {
  const { t } = useTranslation();
  const q = useApi('inspection:published', (s) => inspectionApi.published(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('conduct.inspection.publicTitle')}
        subtitle={t('conduct.inspection.publicSubtitle')}
      />
      <Loadable
        state={q}
        isEmpty={(d) => d.items.length === 0}
        emptyText={t('conduct.inspection.nonePublished')}
      >
        {(d) => (
          <Flex vertical gap="small">
            {d.items.map((c) => (
              <Card key={c.id} size="small" title={c.title} extra={c.publishedAt?.slice(0, 10)}>
                <Typography.Paragraph>{c.summary}</Typography.Paragraph>
                <Tally tally={c.tally} />
              </Card>
            ))}
          </Flex>
        )}
      </Loadable>
    </Flex>
  );
}
