import { Badge, Card, Flex, Grid, Radio, Segmented, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { complaintsApi, type WorkbenchCounts } from '../../api/complaints';
import { enumLabel } from '../../domain/enums';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { QueueTable } from './QueueTable';

/** The open steps, one queue each: 受理, 交办, 办理, 退单 to decide, 办结. */
export const QUEUES = ['submitted', 'accepted', 'dispatched', 'returned', 'replied'] as const;
const COLOURS = ['all', 'red', 'yellow', 'green'] as const;
const DEADLINES = ['all', 'overdue', 'today', 'later', 'none'] as const;

/**
 * The reporting center's workbench: a queue per step, soonest deadline first, filtered by colour and
 * deadline. The counts are the server's, over every open ticket; the table shows one page of the
 * queue chosen.
 */
export default function ComplaintWorkbenchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const queue = params.get('queue') ?? 'submitted';
  const colour = params.get('colour') ?? 'all';
  const deadline = params.get('deadline') ?? 'all';
  const q = useApi(`complaint-workbench:${queue}:${colour}:${deadline}`, (s) =>
    complaintsApi.workbench(
      {
        state: queue,
        ...(colour === 'all' ? {} : { colour }),
        ...(deadline === 'all' ? {} : { deadline }),
      },
      s,
    ),
  );
  const set = (key: string, value: string) =>
    setParams((prev) => {
      prev.set(key, value);
      return prev;
    });
  const counts: WorkbenchCounts | undefined = q.data?.counts;
  const counted = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${n})`);
  // On a phone the five queues do not fit one tab row, and the tabs' overflow menu is not accessible
  // (a button inside the tab list): the queues are then a wrapping row of radio buttons.
  const narrow = !(Grid.useBreakpoint().md ?? true);
  const queueLabel = (s: (typeof QUEUES)[number], n: number) => (
    <span data-testid={`queue-${s}`}>
      {t(`complaints.queue.${s}`)} <Badge count={n} showZero color="blue" overflowCount={99_999} />
    </span>
  );
  const queueBody = (data: NonNullable<typeof q.data>, s: (typeof QUEUES)[number]) => (
    <Flex vertical gap="small">
      {data.counts.steps[s] > data.items.length && (
        <Typography.Text type="secondary" data-testid="queue-page">
          {t('complaints.workbench.page', {
            shown: data.items.length,
            count: data.counts.steps[s],
          })}
        </Typography.Text>
      )}
      <QueueTable items={data.items} ariaLabel={t(`complaints.queue.${s}`)} />
    </Flex>
  );
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('complaints.workbench.title')} subtitle={t('complaints.workbench.subtitle')} />
      {/* On a phone the filters stand in columns: a row of five counted options is wider than the screen. */}
      <Flex gap="middle" wrap>
        <Segmented
          aria-label={t('complaints.workbench.colour')}
          orientation={narrow ? 'vertical' : 'horizontal'}
          value={colour}
          onChange={(v) => set('colour', String(v))}
          options={COLOURS.map((c) => ({
            value: c,
            label:
              c === 'all'
                ? counted(t('common.all'), counts?.total)
                : counted(enumLabel(t, 'colour', c), counts?.colours[c]),
          }))}
        />
        <Segmented
          aria-label={t('complaints.workbench.deadline')}
          orientation={narrow ? 'vertical' : 'horizontal'}
          value={deadline}
          onChange={(v) => set('deadline', String(v))}
          options={DEADLINES.map((d) => ({
            value: d,
            label:
              d === 'all'
                ? counted(t('common.all'), counts?.total)
                : counted(t(`complaints.workbench.deadlines.${d}`), counts?.deadlines[d]),
          }))}
        />
      </Flex>
      <Card size="small">
        <Loadable state={q}>
          {(data) =>
            narrow ? (
              <Flex vertical gap="middle">
                <div role="radiogroup" aria-label={t('ux.complaintQueues')}>
                  <Radio.Group
                    className="ow-wrap-radios"
                    optionType="button"
                    buttonStyle="solid"
                    value={queue}
                    onChange={(e) => set('queue', String(e.target.value))}
                    options={QUEUES.map((s) => ({ value: s, label: queueLabel(s, data.counts.steps[s]) }))}
                  />
                </div>
                {queueBody(data, queue as (typeof QUEUES)[number])}
              </Flex>
            ) : (
              <Tabs
                activeKey={queue}
                onChange={(k) => set('queue', k)}
                items={QUEUES.map((s) => ({
                  key: s,
                  label: queueLabel(s, data.counts.steps[s]),
                  children: s === queue ? queueBody(data, s) : null,
                }))}
              />
            )
          }
        </Loadable>
      </Card>
    </Flex>
  );
}
