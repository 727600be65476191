import { useState } from 'react';
import { Button, Card, Flex, Input, InputNumber, List, Radio, Space, Tag, Typography, Upload } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { inspectionApi, type CampaignView, type ReportView } from '../../api/conduct';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Tally } from './Tally';

type Answer = 'compliant' | 'problem_found' | 'not_applicable';
interface Draft {
  answers: Answer[];
  problem: { description: string; measure: string; rectifyBy: string };
}

/** One campaign: the department files and rectifies, supervisors follow up and publish the summary. */
export default function CampaignPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const { user, hasRole } = useAuth();
  const q = useApi(`inspection:${id}`, (s) => inspectionApi.get(id, s));
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState('');
  const [share, setShare] = useState(30);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      q.reload();
    } catch (e) {
      setError(e);
    }
  };
  const sup = hasRole('supervisor');
  return (
    <Loadable state={q}>
      {(c) => (
        <Flex vertical gap="middle">
          <PageTitle
            title={c.title}
            subtitle={`${t(`conduct.inspection.topics.${c.topic}`)} · ${t('conduct.inspection.deadline')} ${c.deadline}`}
          />
          {error ? <ProblemAlert error={error} /> : null}
          <Card size="small" title={t('conduct.inspection.checklist')}>
            <ol>
              {c.checklist.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ol>
            <Tally tally={c.tally} />
            {c.summary ? <Typography.Paragraph>{c.summary}</Typography.Paragraph> : null}
          </Card>
          {c.reports.map((r) => (
            <ReportCard
              key={r.id}
              c={c}
              r={r}
              own={user?.departmentId === r.departmentId && hasRole('reviewer', 'head')}
              sup={sup}
              run={run}
            />
          ))}
          {sup && c.state === 'open' ? (
            <Card size="small" title={t('conduct.inspection.followUp')}>
              <Flex vertical gap="small">
                <Space>
                  <InputNumber
                    aria-label={t('conduct.inspection.share')}
                    min={1}
                    max={100}
                    value={share}
                    onChange={(v) => setShare(v ?? 30)}
                    addonAfter="%"
                  />
                  <Button onClick={() => run(() => inspectionApi.spotCheck(c.id, share))}>
                    {t('conduct.inspection.drawSpotChecks')}
                  </Button>
                </Space>
                <Input.TextArea
                  aria-label={t('conduct.inspection.summary')}
                  rows={3}
                  value={summary}
                  onChange={(e) => setSummary(e.target.value)}
                  placeholder={t('conduct.inspection.summary')}
                />
                <div>
                  <Button
                    type="primary"
                    disabled={!summary.trim()}
                    onClick={() => run(() => inspectionApi.publish(c.id, { version: c.version, summary }))}
                  >
                    {t('conduct.inspection.publishSummary')}
                  </Button>
                </div>
              </Flex>
            </Card>
          ) : null}
        </Flex>
      )}
    </Loadable>
  );
}

function ReportCard({
  c,
  r,
  own,
  sup,
  run,
}: {
  c: CampaignView;
  r: ReportView;
  own: boolean;
  sup: boolean;
  run: (f: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({
    answers: c.checklist.map(() => 'compliant'),
    problem: { description: '', measure: '', rectifyBy: '' },
  });
  const [reason, setReason] = useState('');
  const [found, setFound] = useState({ description: '', measure: '', rectifyBy: '' });
  const [note, setNote] = useState('');
  const canFile = own && c.state === 'open' && (r.state === 'pending' || r.state === 'rejected');
  return (
    <Card
      size="small"
      title={r.departmentName}
      data-testid="report"
      extra={
        <Space>
          {r.spotChecked ? <Tag color="purple">{t('conduct.inspection.spotChecked')}</Tag> : null}
          {r.overdue ? <Tag color="red">{t('conduct.inspection.overdue')}</Tag> : null}
          <Tag>{t(`conduct.inspection.reportStates.${r.state}`)}</Tag>
        </Space>
      }
    >
      <Flex vertical gap="small">
        {r.dueDate ? (
          <Typography.Text type="secondary">
            {t('conduct.inspection.dueBy', { date: r.dueDate })}
          </Typography.Text>
        ) : null}
        {r.rejectionReason ? (
          <Typography.Text type="danger">
            {t('conduct.inspection.rejected')}: {r.rejectionReason}
          </Typography.Text>
        ) : null}
        {r.answers ? (
          <ol>
            {r.answers.map((a, i) => (
              <li key={i}>
                {c.checklist[i]} — {t(`conduct.inspection.answers.${a.answer}`)} {a.note ?? ''}
              </li>
            ))}
          </ol>
        ) : null}
        <List
          size="small"
          dataSource={r.problems}
          locale={{ emptyText: t('conduct.inspection.noProblems') }}
          renderItem={(p) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <span>
                  <Tag color={p.foundBy === 'supervisor' ? 'volcano' : 'blue'}>
                    {t(`conduct.inspection.foundBy.${p.foundBy}`)}
                  </Tag>
                  {p.description} → {p.measure} ({t('conduct.inspection.rectifyBy')} {p.rectifyBy})
                  {p.state === 'rectified' ? (
                    <Tag color="green">{t('conduct.inspection.rectified')}</Tag>
                  ) : null}
                  {p.overdue ? <Tag color="red">{t('conduct.inspection.overdue')}</Tag> : null}
                </span>
                {p.rectificationNote ? (
                  <Typography.Text type="secondary">{p.rectificationNote}</Typography.Text>
                ) : null}
                {own && p.state === 'open' ? (
                  <Space>
                    <Input
                      aria-label={t('conduct.inspection.rectificationNote')}
                      placeholder={t('conduct.inspection.rectificationNote')}
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                    />
                    <Upload
                      showUploadList={false}
                      beforeUpload={(file) => {
                        void run(() => inspectionApi.rectify(p.id, p.version, note, file));
                        return false;
                      }}
                    >
                      <Button disabled={!note.trim()}>{t('conduct.inspection.rectify')}</Button>
                    </Upload>
                  </Space>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
        {canFile ? (
          <Flex vertical gap="small">
            {c.checklist.map((question, i) => (
              <Space key={question} wrap>
                <span>
                  {i + 1}. {question}
                </span>
                <Radio.Group
                  aria-label={question}
                  value={draft.answers[i]}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      answers: draft.answers.map((a, j) => (j === i ? e.target.value : a)),
                    })
                  }
                  options={(['compliant', 'problem_found', 'not_applicable'] as const).map((a) => ({
                    value: a,
                    label: t(`conduct.inspection.answers.${a}`),
                  }))}
                />
              </Space>
            ))}
            <ProblemInputs value={draft.problem} onChange={(problem) => setDraft({ ...draft, problem })} />
            <div>
              <Button
                type="primary"
                onClick={() =>
                  run(() =>
                    inspectionApi.file(r.id, {
                      version: r.version,
                      answers: draft.answers.map((answer) => ({ answer })),
                      problems: draft.problem.description.trim() ? [draft.problem] : [],
                    }),
                  )
                }
              >
                {t('conduct.inspection.file')}
              </Button>
            </div>
          </Flex>
        ) : null}
        {sup && c.state === 'open' && r.state === 'filed' ? (
          <Space wrap>
            <Button
              onClick={() =>
                run(() => inspectionApi.review(r.id, { version: r.version, decision: 'accept' }))
              }
            >
              {t('conduct.inspection.accept')}
            </Button>
            <Input
              aria-label={t('conduct.inspection.reason')}
              placeholder={t('conduct.inspection.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              danger
              disabled={!reason.trim()}
              onClick={() =>
                run(() => inspectionApi.review(r.id, { version: r.version, decision: 'reject', reason }))
              }
            >
              {t('conduct.inspection.reject')}
            </Button>
          </Space>
        ) : null}
        {sup && c.state === 'open' && r.state !== 'pending' ? (
          <Flex vertical gap="small">
            <Typography.Text strong>{t('conduct.inspection.addFound')}</Typography.Text>
            <ProblemInputs value={found} onChange={setFound} />
            <div>
              <Button
                disabled={!found.description.trim()}
                onClick={() => run(() => inspectionApi.addProblem(r.id, found))}
              >
                {t('conduct.inspection.addProblem')}
              </Button>
            </div>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

function ProblemInputs({
  value,
  onChange,
}: {
  value: Draft['problem'];
  onChange: (v: Draft['problem']) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Input
        aria-label={t('conduct.inspection.problem')}
        placeholder={t('conduct.inspection.problem')}
        value={value.description}
        onChange={(e) => onChange({ ...value, description: e.target.value })}
      />
      <Input
        aria-label={t('conduct.inspection.measure')}
        placeholder={t('conduct.inspection.measure')}
        value={value.measure}
        onChange={(e) => onChange({ ...value, measure: e.target.value })}
      />
      <Input
        aria-label={t('conduct.inspection.rectifyBy')}
        placeholder="YYYY-MM-DD"
        value={value.rectifyBy}
        onChange={(e) => onChange({ ...value, rectifyBy: e.target.value })}
      />
    </Space>
  );
}
