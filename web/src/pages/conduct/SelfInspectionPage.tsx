import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { inspectionApi } from '../../api/conduct';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { useDepartments } from '../../hooks/use-departments';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { FormModal } from '../../components/FormModal';

const TOPICS = ['arbitrary_charges', 'delay', 'buck_passing', 'attitude', 'opacity', 'other'];
interface OpenValues {
  topic: string;
  title: string;
  description?: string;
  checklistText: string;
  departmentIds: string[];
  deadline: Dayjs;
}

/** Self-inspection campaigns (自查自纠): supervisors open them, departments see those they take part in. */
export default function SelfInspectionPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const q = useApi('inspection:list', (s) => inspectionApi.list(s));
  const departments = useDepartments();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OpenValues>();
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('conduct.inspection.title')} subtitle={t('conduct.inspection.subtitle')} />
      {hasRole('supervisor') ? (
        <div>
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('conduct.inspection.open')}
          </Button>
        </div>
      ) : null}
      <Card size="small">
        <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('conduct.inspection.none')}>
          {(d) => (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.items}
              columns={[
                {
                  title: t('conduct.inspection.campaign'),
                  dataIndex: 'title',
                  render: (v: string, r) => <Link to={`/conduct/self-inspection/${r.id}`}>{v}</Link>,
                },
                {
                  title: t('conduct.inspection.topic'),
                  dataIndex: 'topic',
                  render: (v: string) => t(`conduct.inspection.topics.${v}`),
                },
                { title: t('conduct.inspection.deadline'), dataIndex: 'deadline' },
                {
                  title: t('conduct.inspection.stateLabel'),
                  dataIndex: 'state',
                  render: (v: string) => <Tag>{t(`conduct.inspection.states.${v}`)}</Tag>,
                },
                {
                  title: t('conduct.inspection.tally.filed'),
                  render: (_: unknown, r) => `${r.tally.filed} / ${r.tally.departments}`,
                },
                {
                  title: t('conduct.inspection.tally.foundBySupervisors'),
                  render: (_: unknown, r) => r.tally.foundBySupervisors,
                },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <FormModal<OpenValues>
        open={open}
        title={t('conduct.inspection.open')}
        form={form}
        fields={['topic', 'title', 'description', 'departmentIds', 'deadline']}
        initialValues={{ topic: 'arbitrary_charges' }}
        width={640}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await inspectionApi.open({
            topic: v.topic as never,
            title: v.title,
            description: v.description,
            checklist: v.checklistText
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
            departmentIds: v.departmentIds,
            deadline: v.deadline.format('YYYY-MM-DD'),
          });
          q.reload();
        }}
      >
        <Form.Item name="topic" label={t('conduct.inspection.topic')}>
          <Select options={TOPICS.map((k) => ({ value: k, label: t(`conduct.inspection.topics.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('conduct.inspection.campaign')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="checklistText"
          label={t('conduct.inspection.checklist')}
          extra={t('conduct.inspection.checklistHint')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item
          name="departmentIds"
          label={t('conduct.inspection.departments')}
          rules={[{ required: true }]}
        >
          <Select
            mode="multiple"
            options={departments.departments.map((d) => ({ value: d.id, label: d.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="deadline" label={t('conduct.inspection.deadline')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="description" label={t('conduct.commitments.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
