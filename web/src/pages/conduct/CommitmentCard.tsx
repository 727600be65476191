import { Card, Flex, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { commitmentsApi, type CommitmentView } from '../../api/conduct';
import type { ReactNode } from 'react';

const STATE_COLOUR: Record<string, string> = {
  published: 'processing',
  awaiting_judgement: 'warning',
  kept: 'success',
  not_kept: 'error',
};

/** One commitment as the public sees it: the goal, live progress or the outcome, and any explanation. */
export function CommitmentCard({ c, actions }: { c: CommitmentView; actions?: ReactNode }) {
  const { t } = useTranslation();
  const p = c.progress;
  const figure =
    c.kind === 'measurable'
      ? p.noData
        ? t('conduct.commitments.noData')
        : `${p.value}${c.unit === '%' ? '%' : c.unit === 'd' ? t('conduct.commitments.days') : c.unit}`
      : `${p.milestonesDone} / ${p.milestonesTotal}`;
  return (
    <Card
      size="small"
      title={c.title}
      extra={<Tag color={STATE_COLOUR[c.state]}>{t(`conduct.commitments.state.${c.state}`)}</Tag>}
      data-testid="commitment"
    >
      <Flex vertical gap="small">
        <Typography.Text type="secondary">
          {c.departmentName} · {c.period} ({c.periodStart} – {c.periodEnd})
          {c.measure
            ? ` · ${t(`conduct.measures.${c.measure}`)} ${t('conduct.commitments.target')} ${c.target}`
            : ''}
        </Typography.Text>
        {c.description ? <Typography.Paragraph>{c.description}</Typography.Paragraph> : null}
        <Flex gap="middle" align="center">
          <Typography.Text strong>
            {c.state === 'published' ? t('conduct.commitments.progress') : t('conduct.commitments.outcome')}:{' '}
            {figure}
          </Typography.Text>
          {p.onTrack !== null ? (
            <Tag color={p.onTrack ? 'green' : 'orange'}>
              {p.onTrack ? t('conduct.commitments.onTrack') : t('conduct.commitments.offTrack')}
            </Tag>
          ) : null}
          {c.kind === 'stated' && p.milestonesTotal > 0 ? (
            <Progress
              percent={Math.round((p.milestonesDone * 100) / p.milestonesTotal)}
              size="small"
              style={{ width: 160 }}
              aria-label={t('conduct.commitments.progress')}
            />
          ) : null}
        </Flex>
        {c.milestones.length ? (
          <List
            size="small"
            dataSource={c.milestones}
            renderItem={(m) => (
              <List.Item>
                {m.seq}. {m.title} ({m.dueDate}){' '}
                {m.doneAt ? <Tag color="green">{t('conduct.commitments.done')}</Tag> : null}
              </List.Item>
            )}
          />
        ) : null}
        {c.evidence.length ? (
          <Flex gap="small" wrap>
            {t('conduct.commitments.evidence')}:
            {c.evidence.map((e) => (
              <a key={e.id} href={commitmentsApi.evidenceUrl(c.id, e.id)}>
                {e.name}
              </a>
            ))}
          </Flex>
        ) : null}
        {c.outcomeBasis ? <Typography.Text type="secondary">{c.outcomeBasis}</Typography.Text> : null}
        {c.explanation ? (
          <Typography.Paragraph>
            <Typography.Text strong>{t('conduct.commitments.explanation')}: </Typography.Text>
            {c.explanation}
          </Typography.Paragraph>
        ) : null}
        {c.explanationDue ? <Tag color="red">{t('conduct.commitments.explanationDue')}</Tag> : null}
        {actions}
      </Flex>
    </Card>
  );
}
