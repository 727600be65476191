import { Badge, Card, Flex, Segmented, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { complaintsApi } from '../../api/complaints';
import { enumLabel } from '../../domain/enums';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { QueueTable } from './QueueTable';

/** The open steps, one queue each: 受理, 交办, 办理, 退单 to decide, 办结. */
export const QUEUES = ['submitted', 'accepted', 'dispatched', 'returned', 'replied'] as const;
const COLOURS = ['all', 'red', 'yellow', 'green'] as const;

/** The reporting center's workbench: a queue per step with its count, soonest deadline first, filtered by colour. */
export default function ComplaintWorkbenchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const queue = params.get('queue') ?? 'submitted';
  const colour = params.get('colour') ?? 'all';
  const q = useApi(`complaint-workbench:${colour}`, (s) =>
    complaintsApi.workbench(colour === 'all' ? {} : { colour }, s),
  );
  const set = (key: string, value: string) =>
    setParams((prev) => {
      prev.set(key, value);
      return prev;
    });
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('complaints.workbench.title')} subtitle={t('complaints.workbench.subtitle')} />
      <Segmented
        aria-label={t('complaints.workbench.colour')}
        value={colour}
        onChange={(v) => set('colour', String(v))}
        options={COLOURS.map((c) => ({
          value: c,
          label: c === 'all' ? t('common.all') : enumLabel(t, 'colour', c),
        }))}
      />
      <Card size="small">
        <Loadable state={q}>
          {(data) => (
            <Tabs
              activeKey={queue}
              onChange={(k) => set('queue', k)}
              items={QUEUES.map((s) => {
                const rows = data.items.filter((r) => r.state === s);
                return {
                  key: s,
                  label: (
                    <span data-testid={`queue-${s}`}>
                      {t(`complaints.queue.${s}`)} <Badge count={rows.length} showZero color="blue" />
                    </span>
                  ),
                  children: <QueueTable items={rows} ariaLabel={t(`complaints.queue.${s}`)} />,
                };
              })}
            />
          )}
        </Loadable>
      </Card>
    </Flex>
  );
}
