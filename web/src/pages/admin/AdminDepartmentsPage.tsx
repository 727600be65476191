import { useState } from 'react';
import { App, Button, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import type { DepartmentInput } from '../../api/admin-types';
import { catalogueApi } from '../../api/catalogue';
import type { Department } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { FormModal } from '../../components/FormModal';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

const FIELDS = [
  'code',
  'name',
  'nameEn',
  'shortName',
  'shortNameEn',
  'creditCode',
  'leader',
  'leaderTitle',
  'phone',
  'complaintPhone',
  'windows',
  'hours',
  'address',
] as const;

/** An English name left blank is no English name: saved as null, so the English pages show the Chinese one. */
const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function cleanDepartment(v: DepartmentInput): DepartmentInput {
  return { ...v, nameEn: blankToNull(v.nameEn), shortNameEn: blankToNull(v.shortNameEn) };
}

export default function AdminDepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useApi('admin-departments', (s) => catalogueApi.departments(s));
  const [form] = Form.useForm<DepartmentInput>();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);

  const save = async (input: DepartmentInput) => {
    const v = cleanDepartment(input);
    if (editing === 'new') await adminApi.createDepartment(v);
    else if (editing) await adminApi.updateDepartment(editing.id, { ...v, version: editing.version });
    message.success(t('common.saved'));
    q.reload();
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('adminDept.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('adminDept.new')}
          </Button>
        }
      />
      <Loadable state={q} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<Department>
            rowKey="id"
            size="small"
            dataSource={d.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: true }}
            columns={[
              { title: t('adminDept.code'), dataIndex: 'code' },
              {
                title: t('adminDept.name'),
                render: (_, r) => (
                  <Flex vertical>
                    <span>{r.name}</span>
                    {r.nameEn && (
                      <Typography.Text type="secondary" lang="en">
                        {r.nameEn}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
              { title: t('adminDept.leader'), render: (_, r) => `${r.leaderTitle} ${r.leader}` },
              { title: t('adminDept.windows'), dataIndex: 'windows', render: (w: string[]) => w.join('、') },
              { title: t('adminDept.phone'), dataIndex: 'phone' },
              { title: t('common.version'), dataIndex: 'version' },
              {
                title: t('common.actions'),
                render: (_, r) => (
                  <Button
                    size="small"
                    onClick={() => setEditing(r)}
                    aria-label={t('adminDept.editOne', { name: r.shortName })}
                  >
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Loadable>
      <FormModal<DepartmentInput>
        open={editing !== null}
        title={editing === 'new' ? t('adminDept.new') : t('adminDept.edit')}
        form={form}
        fields={FIELDS}
        initialValues={editing && editing !== 'new' ? editing : { windows: [] }}
        onSubmit={save}
        onClose={() => setEditing(null)}
        width={640}
      >
        <DepartmentFields creating={editing === 'new'} />
      </FormModal>
    </Flex>
  );
}

function DepartmentFields({ creating }: { creating: boolean }) {
  const { t } = useTranslation();
  const req = (label: string) => [
    { required: true, whitespace: true, message: t('form.required', { label }) },
  ];
  return (
    <>
      <Form.Item
        name="code"
        label={t('adminDept.code')}
        extra={t('adminDept.codeHelp')}
        rules={[
          ...req(t('adminDept.code')),
          { pattern: /^[A-Z0-9]{2,12}$/, message: t('adminDept.codePattern') },
        ]}
      >
        <Input disabled={!creating} />
      </Form.Item>
      <Form.Item name="name" label={t('adminDept.name')} rules={[...req(t('adminDept.name')), { max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('localNames2.deptNameEn')}
        extra={t('localNames.nameEnHelp')}
        rules={[{ max: 200 }]}
      >
        <Input lang="en" />
      </Form.Item>
      <Form.Item
        name="shortName"
        label={t('adminDept.shortName')}
        rules={[...req(t('adminDept.shortName')), { max: 50 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="shortNameEn"
        label={t('localNames2.deptShortNameEn')}
        extra={t('localNames2.deptShortNameEnHelp')}
        rules={[{ max: 100 }]}
      >
        <Input lang="en" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('adminDept.creditCode')}
        rules={[
          ...req(t('adminDept.creditCode')),
          { pattern: /^[0-9A-HJ-NP-RTUW-Y]{18}$/, message: t('adminDept.creditPattern') },
        ]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Flex gap="small" wrap>
        <Form.Item
          name="leader"
          label={t('adminDept.leaderName')}
          rules={req(t('adminDept.leaderName'))}
          style={{ flex: 1, minWidth: 160 }}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="leaderTitle"
          label={t('adminDept.leaderTitle')}
          rules={req(t('adminDept.leaderTitle'))}
          style={{ flex: 1, minWidth: 160 }}
        >
          <Input />
        </Form.Item>
      </Flex>
      <Flex gap="small" wrap>
        <Form.Item
          name="phone"
          label={t('adminDept.phone')}
          rules={req(t('adminDept.phone'))}
          style={{ flex: 1, minWidth: 160 }}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="complaintPhone"
          label={t('adminDept.complaintPhone')}
          rules={req(t('adminDept.complaintPhone'))}
          style={{ flex: 1, minWidth: 160 }}
        >
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="windows" label={t('adminDept.windows')} extra={t('adminDept.windowsHelp')}>
        <Select mode="tags" open={false} suffixIcon={null} aria-label={t('adminDept.windows')} />
      </Form.Item>
      <Form.Item name="hours" label={t('adminDept.hours')} rules={req(t('adminDept.hours'))}>
        <Input />
      </Form.Item>
      <Form.Item name="address" label={t('adminDept.address')} rules={req(t('adminDept.address'))}>
        <Input />
      </Form.Item>
    </>
  );
}
