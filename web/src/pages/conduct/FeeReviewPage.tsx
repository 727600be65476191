import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { feeReviewApi, type FeeLineView } from '../../api/conduct';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

/**
 * The periodic review of fees (清理收费): the price and finance authority opens rounds and decides;
 * a department proposes for its own fees.
 */
export default function FeeReviewPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const rounds = useApi('fee-review:rounds', (s) => feeReviewApi.rounds(s));
  const [roundId, setRoundId] = useState<string | null>(null);
  const current = roundId ?? rounds.data?.items[0]?.id ?? null;
  const round = useApi(current ? `fee-review:${current}` : null, (s) => feeReviewApi.round(current!, s));
  const [error, setError] = useState<unknown>(null);
  const [title, setTitle] = useState('');
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      round.reload();
      rounds.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('conduct.fees.title')} subtitle={t('conduct.fees.subtitle')} />
      {error ? <ProblemAlert error={error} /> : null}
      {hasRole('admin') ? (
        <Space>
          <Input
            aria-label={t('conduct.fees.roundTitle')}
            placeholder={t('conduct.fees.roundTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <Button
            type="primary"
            disabled={!title.trim()}
            onClick={() => run(() => feeReviewApi.open({ title }))}
          >
            {t('conduct.fees.openRound')}
          </Button>
        </Space>
      ) : null}
      <Loadable state={rounds} isEmpty={(d) => d.items.length === 0} emptyText={t('conduct.fees.noRounds')}>
        {(d) => (
          <Select
            aria-label={t('conduct.fees.round')}
            value={current}
            onChange={setRoundId}
            options={d.items.map((r) => ({
              value: r.id,
              label: `${r.title}（${r.createdAt.slice(0, 10)}）`,
            }))}
            style={{ minWidth: 320 }}
          />
        )}
      </Loadable>
      {current ? (
        <Card size="small">
          <Loadable state={round}>
            {(r) => (
              <Table
                rowKey="id"
                size="small"
                pagination={{ pageSize: 20 }}
                dataSource={r.lines}
                expandable={{ expandedRowRender: (l) => <LineActions line={l} run={run} /> }}
                columns={[
                  {
                    title: t('conduct.fees.fee'),
                    render: (_: unknown, l: FeeLineView) => `${l.feeName}（${l.feeCode}）`,
                  },
                  { title: t('conduct.fees.department'), dataIndex: 'departmentName' },
                  { title: t('conduct.fees.standard'), dataIndex: 'standard' },
                  {
                    title: t('conduct.fees.stateLabel'),
                    dataIndex: 'state',
                    render: (v: string) => <Tag>{t(`conduct.fees.states.${v}`)}</Tag>,
                  },
                  {
                    title: t('conduct.fees.change'),
                    dataIndex: 'proposal',
                    render: (v: string | null, l) =>
                      v
                        ? `${t(`conduct.fees.proposals.${v}`)}${l.newStandard ? `：${l.newStandard}` : ''}`
                        : '—',
                  },
                  {
                    title: t('conduct.fees.effectiveDate'),
                    dataIndex: 'effectiveDate',
                    render: (v: string | null) => v ?? '—',
                  },
                ]}
              />
            )}
          </Loadable>
        </Card>
      ) : null}
    </Flex>
  );
}

function LineActions({
  line,
  run,
}: {
  line: FeeLineView;
  run: (f: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const [proposal, setProposal] = useState<'keep' | 'reduce' | 'abolish'>('keep');
  const [reason, setReason] = useState('');
  const [newStandard, setNewStandard] = useState('');
  const [amountYuan, setAmountYuan] = useState<number | null>(null);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [note, setNote] = useState('');
  const own = user?.departmentId === line.departmentId && hasRole('reviewer', 'head');
  return (
    <Flex vertical gap="small">
      <div>
        {t('conduct.fees.basis')}: {line.basis}
      </div>
      {line.reason ? (
        <div>
          {t('conduct.fees.reason')}: {line.reason}
        </div>
      ) : null}
      {line.decisionNote ? (
        <div>
          {t('conduct.fees.decisionNote')}: {line.decisionNote}
        </div>
      ) : null}
      {own && (line.state === 'pending' || line.state === 'returned') ? (
        <Space wrap>
          <Select
            aria-label={t('conduct.fees.change')}
            value={proposal}
            onChange={setProposal}
            options={(['keep', 'reduce', 'abolish'] as const).map((p) => ({
              value: p,
              label: t(`conduct.fees.proposals.${p}`),
            }))}
          />
          {proposal === 'reduce' ? (
            <>
              <Input
                aria-label={t('conduct.fees.newStandard')}
                placeholder={t('conduct.fees.newStandard')}
                value={newStandard}
                onChange={(e) => setNewStandard(e.target.value)}
              />
              <InputNumber
                aria-label={t('conduct.fees.newAmount')}
                placeholder={t('conduct.fees.newAmount')}
                min={0}
                value={amountYuan}
                onChange={setAmountYuan}
                addonAfter="¥"
              />
            </>
          ) : null}
          <Input
            aria-label={t('conduct.fees.reason')}
            placeholder={t('conduct.fees.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            style={{ minWidth: 280 }}
          />
          <Button
            type="primary"
            disabled={!reason.trim()}
            onClick={() =>
              run(() =>
                feeReviewApi.propose(line.id, {
                  version: line.version,
                  proposal,
                  reason,
                  ...(proposal === 'reduce'
                    ? {
                        newStandard,
                        newRule: { kind: 'fixed' as const, amountFen: Math.round((amountYuan ?? 0) * 100) },
                      }
                    : {}),
                }),
              )
            }
          >
            {t('conduct.fees.propose')}
          </Button>
        </Space>
      ) : null}
      {hasRole('admin') && line.state === 'proposed' ? (
        <Space wrap>
          {line.proposal !== 'keep' ? (
            <DatePicker aria-label={t('conduct.fees.effectiveDate')} value={date} onChange={setDate} />
          ) : null}
          <Input
            aria-label={t('conduct.fees.decisionNote')}
            placeholder={t('conduct.fees.decisionNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button
            type="primary"
            onClick={() =>
              run(() =>
                feeReviewApi.decide(line.id, {
                  version: line.version,
                  decision: 'approve',
                  ...(note ? { note } : {}),
                  ...(date ? { effectiveDate: date.format('YYYY-MM-DD') } : {}),
                }),
              )
            }
          >
            {t('conduct.fees.approve')}
          </Button>
          <Button
            danger
            disabled={!note.trim()}
            onClick={() =>
              run(() => feeReviewApi.decide(line.id, { version: line.version, decision: 'return', note }))
            }
          >
            {t('conduct.fees.sendBack')}
          </Button>
        </Space>
      ) : null}
    </Flex>
  );
}
