import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { commitmentsApi, type CommitmentView, type PublishCommitmentBody } from '../../api/conduct';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { FormModal } from '../../components/FormModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CommitmentCard } from './CommitmentCard';

const MEASURES = [
  'on_time_rate',
  'avg_working_days',
  'complaint_reply_rate',
  'satisfaction',
  'visits_per_case',
];
type PublishValues = Omit<PublishCommitmentBody, 'departmentId' | 'milestones'> & {
  milestones?: { title: string; dueDate: Dayjs }[];
};

/**
 * Commitments at work: a department head publishes and explains, staff record milestones and
 * evidence, supervisors judge what no figure decides (部门承诺).
 */
export default function CommitmentsPage() {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const q = useApi('commitments:work', (s) => commitmentsApi.list({}, s));
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PublishValues>();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      q.reload();
    } catch (e) {
      setError(e);
    }
  };
  const actions = (c: CommitmentView) => {
    const own = user?.departmentId === c.departmentId;
    return (
      <Space wrap>
        {own && c.state === 'published'
          ? c.milestones
              .filter((m) => !m.doneAt)
              .map((m) => (
                <Button
                  key={m.seq}
                  size="small"
                  onClick={() => run(() => commitmentsApi.milestoneDone(c.id, m.seq))}
                >
                  {t('conduct.commitments.markDone', { seq: m.seq })}
                </Button>
              ))
          : null}
        {own && (c.state === 'published' || c.state === 'awaiting_judgement') ? (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void run(() => commitmentsApi.evidence(c.id, file));
              return false;
            }}
          >
            <Button size="small">{t('conduct.commitments.upload')}</Button>
          </Upload>
        ) : null}
        {hasRole('supervisor') && c.state === 'awaiting_judgement' ? (
          <>
            <Button
              size="small"
              onClick={() =>
                run(() =>
                  commitmentsApi.judge(c.id, {
                    version: c.version,
                    kept: true,
                    note: t('conduct.commitments.judgedKept'),
                  }),
                )
              }
            >
              {t('conduct.commitments.markKept')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() =>
                run(() =>
                  commitmentsApi.judge(c.id, {
                    version: c.version,
                    kept: false,
                    note: t('conduct.commitments.judgedNotKept'),
                  }),
                )
              }
            >
              {t('conduct.commitments.markNotKept')}
            </Button>
          </>
        ) : null}
        {own && hasRole('head') && c.explanationDue ? (
          <Input.Search
            aria-label={t('conduct.commitments.explanation')}
            placeholder={t('conduct.commitments.explainPlaceholder')}
            enterButton={t('conduct.commitments.publishExplanation')}
            onSearch={(v) =>
              v.trim() && run(() => commitmentsApi.explain(c.id, { version: c.version, explanation: v }))
            }
            style={{ minWidth: 360 }}
          />
        ) : null}
      </Space>
    );
  };
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('conduct.commitments.title')} subtitle={t('conduct.commitments.subtitle')} />
      {hasRole('head') ? (
        <div>
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('conduct.commitments.publish')}
          </Button>
        </div>
      ) : null}
      {error ? <ProblemAlert error={error} /> : null}
      <Card size="small">
        <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('conduct.commitments.none')}>
          {(d) => (
            <Flex vertical gap="small">
              {d.items.map((c) => (
                <CommitmentCard key={c.id} c={c} actions={actions(c)} />
              ))}
            </Flex>
          )}
        </Loadable>
      </Card>
      <FormModal<PublishValues>
        open={open}
        title={t('conduct.commitments.publish')}
        form={form}
        fields={['period', 'kind', 'measure', 'target', 'title', 'description', 'milestones']}
        initialValues={{ kind: 'measurable', period: dayjs().format('YYYY') }}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await commitmentsApi.publish({
            ...v,
            departmentId: user!.departmentId!,
            milestones: v.milestones?.map((m) => ({
              title: m.title,
              dueDate: m.dueDate.format('YYYY-MM-DD'),
            })),
          });
          q.reload();
        }}
      >
        <Form.Item
          name="period"
          label={t('conduct.commitments.period')}
          rules={[{ required: true, pattern: /^\d{4}(-Q[1-4])?$/ }]}
          extra="2026 / 2026-Q4"
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('conduct.commitments.kind')}>
          <Select
            options={['measurable', 'stated'].map((k) => ({
              value: k,
              label: t(`conduct.commitments.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('conduct.commitments.goal')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        {kind === 'measurable' ? (
          <>
            <Form.Item name="measure" label={t('conduct.commitments.measure')} rules={[{ required: true }]}>
              <Select options={MEASURES.map((m) => ({ value: m, label: t(`conduct.measures.${m}`) }))} />
            </Form.Item>
            <Form.Item name="target" label={t('conduct.commitments.target')} rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
          </>
        ) : (
          <Form.List name="milestones" initialValue={[{}]}>
            {(fields, { add }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item
                      name={[f.name, 'title']}
                      label={t('conduct.commitments.milestone')}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'dueDate']}
                      label={t('conduct.commitments.dueDate')}
                      rules={[{ required: true }]}
                    >
                      <DatePicker />
                    </Form.Item>
                  </Space>
                ))}
                <Button onClick={() => add()}>{t('conduct.commitments.addMilestone')}</Button>
              </>
            )}
          </Form.List>
        )}
        <Form.Item name="description" label={t('conduct.commitments.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
