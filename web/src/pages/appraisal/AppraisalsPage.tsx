import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ratingsApi, type CampaignView, type IssuedCodes } from '../../api/ratings';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { useDepartments } from '../../hooks/use-departments';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

const CATEGORIES = ['deputies', 'enterprises', 'residents', 'service_users'] as const;
const DIMENSIONS = ['依法行政', '服务效率', '服务态度', '廉洁自律', '政务公开'];
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** Democratic appraisal (民主评议): campaigns and their published results; the administrators run them here. */
export default function AppraisalsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const admin = user?.role === 'admin';
  const q = useApi('appraisals', (s) => ratingsApi.campaigns(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('ratings.appraisal.title')} subtitle={t('ratings.appraisal.subtitle')} />
      {admin && <OpenCampaign onOpened={q.reload} />}
      <Loadable state={q} isEmpty={(l) => l.items.length === 0}>
        {(l) => (
          <Flex vertical gap="middle">
            {l.items.map((c) => (
              <Campaign
                key={c.id}
                c={c}
                admin={admin}
                head={user?.role === 'head' ? user.departmentId : null}
                onChanged={q.reload}
              />
            ))}
          </Flex>
        )}
      </Loadable>
    </Flex>
  );
}

function Campaign({
  c,
  admin,
  head,
  onChanged,
}: {
  c: CampaignView;
  admin: boolean;
  head: string | null | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [issued, setIssued] = useState<IssuedCodes | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = (p: Promise<unknown>) =>
    p.then(onChanged, (e: unknown) => {
      setError(e);
    });
  return (
    <Card
      title={c.title}
      extra={
        <Space>
          <Tag color={c.state === 'published' ? 'green' : 'blue'}>
            {t(`ratings.appraisal.states.${c.state}`)}
          </Tag>
          {c.state === 'open' && <Link to={`/appraisals/${c.id}/vote`}>{t('ratings.appraisal.vote')}</Link>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('ratings.appraisal.period', { from: c.periodStart, to: c.periodEnd })} · {c.dimensions.join('、')}
        {c.reappraisalOf && ` · ${t('ratings.appraisal.reappraisal')}`}
      </Typography.Paragraph>
      <ProblemAlert error={error} onClose={() => setError(null)} />
      {c.results ? (
        <>
          <Typography.Paragraph>
            {t('ratings.appraisal.ballots', { n: c.results.ballots })}{' '}
            {Object.entries(c.results.ballotsByCategory)
              .map(([k, n]) => `${t(`ratings.appraisal.categories.${k}`)} ${n}`)
              .join(' · ')}
          </Typography.Paragraph>
          <Table
            rowKey={(r) => r.department.id}
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={c.results.departments}
            columns={[
              { title: t('ratings.appraisal.rank'), dataIndex: 'rank' },
              {
                title: t('ratings.department'),
                render: (_, r) => (
                  <>
                    {r.department.name} {r.bottom && <Tag color="red">{t('ratings.appraisal.bottom')}</Tag>}
                  </>
                ),
              },
              { title: t('ratings.appraisal.score'), dataIndex: 'score' },
              { title: t('ratings.appraisal.satisfaction'), dataIndex: 'satisfaction', render: pct },
              ...c.dimensions.map((d) => ({
                title: d,
                render: (_: unknown, r: (typeof c.results & object)['departments'][number]) => {
                  const x = r.dimensions[d];
                  return x ? `${x.satisfied}/${x.fairly_satisfied}/${x.dissatisfied}` : '';
                },
              })),
            ]}
          />
          <Typography.Text type="secondary">{t('ratings.appraisal.verdictLegend')}</Typography.Text>
        </>
      ) : null}
      {c.rectifications.map((r) => (
        <Alert
          key={r.id}
          style={{ marginTop: 8 }}
          type={r.state === 'reported' ? 'success' : 'warning'}
          title={t('ratings.appraisal.rectification', {
            department: r.department.name,
            due: r.dueDate ?? '',
          })}
          description={r.report ?? undefined}
          action={
            head === r.department.id && r.state === 'open' ? (
              <Button
                size="small"
                onClick={() => {
                  const text = window.prompt(t('ratings.appraisal.reportPrompt'));
                  if (text?.trim()) void act(ratingsApi.reportRectification(r.id, r.version, text));
                }}
              >
                {t('ratings.appraisal.report')}
              </Button>
            ) : undefined
          }
        />
      ))}
      {admin && c.state === 'open' && (
        <Flex vertical gap="small" style={{ marginTop: 12 }}>
          {c.codes && (
            <Typography.Text>
              {t('ratings.appraisal.codesState', { unused: c.codes.unused, used: c.codes.used })}
            </Typography.Text>
          )}
          <Form
            layout="inline"
            onFinish={(v: { category: string; count: number }) =>
              void ratingsApi
                .issueCodes(c.id, {
                  category: v.category as (typeof CATEGORIES)[number],
                  count: v.count,
                  delivery: 'printed',
                })
                .then((r) => {
                  setIssued(r);
                  onChanged();
                }, setError)
            }
          >
            <Form.Item name="category" label={t('ratings.appraisal.category')} rules={[{ required: true }]}>
              <Select
                style={{ width: 160 }}
                options={CATEGORIES.map((k) => ({ value: k, label: t(`ratings.appraisal.categories.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="count" label={t('ratings.appraisal.count')} rules={[{ required: true }]}>
              <InputNumber min={1} max={5000} />
            </Form.Item>
            <Button htmlType="submit">{t('ratings.appraisal.issue')}</Button>
            <Button danger onClick={() => void act(ratingsApi.publish(c.id, c.version))}>
              {t('ratings.appraisal.publish')}
            </Button>
          </Form>
          {issued && (
            <Alert
              type="info"
              title={t('ratings.appraisal.issuedOnce', { n: issued.codes.length })}
              description={<pre className="ow-codes">{issued.codes.join('\n')}</pre>}
              closable={{ onClose: () => setIssued(null) }}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}

function OpenCampaign({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const depts = useDepartments();
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  return (
    <Card size="small" title={t('ratings.appraisal.open')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          dimensions: DIMENSIONS.join('、'),
          deputies: 10,
          enterprises: 20,
          residents: 20,
          service_users: 20,
        }}
        onFinish={async (v: Record<string, unknown>) => {
          setError(null);
          try {
            await ratingsApi.openCampaign({
              title: String(v.title),
              periodStart: String(v.periodStart),
              periodEnd: String(v.periodEnd),
              departmentIds: v.departmentIds as string[],
              dimensions: String(v.dimensions)
                .split(/[、,，]/)
                .map((s) => s.trim())
                .filter(Boolean),
              panel: Object.fromEntries(CATEGORIES.map((k) => [k, Number(v[k] ?? 0)])),
            });
            form.resetFields();
            onOpened();
          } catch (e) {
            setError(e);
          }
        }}
      >
        <Form.Item
          name="title"
          label={t('ratings.appraisal.campaignTitle')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="periodStart"
            label={t('ratings.appraisal.from')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input placeholder="2026-01-01" />
          </Form.Item>
          <Form.Item
            name="periodEnd"
            label={t('ratings.appraisal.to')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input placeholder="2026-12-31" />
          </Form.Item>
        </Space>
        <Form.Item
          name="departmentIds"
          label={t('ratings.appraisal.departments')}
          rules={[{ required: true }]}
        >
          <Select mode="multiple" options={depts.departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="dimensions" label={t('ratings.appraisal.dimensions')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          {CATEGORIES.map((k) => (
            <Form.Item key={k} name={k} label={t(`ratings.appraisal.categories.${k}`)}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
          ))}
        </Space>
        <ProblemAlert error={error} />
        <Button type="primary" htmlType="submit">
          {t('ratings.appraisal.open')}
        </Button>
      </Form>
    </Card>
  );
}
