import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import type { AdminBundle, BundleInput } from '../../api/admin-types';
import { catalogueApi } from '../../api/catalogue';
import { ApiError } from '../../api/problem';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { useLocalName } from '../../i18n/local-name';
import { FormModal } from '../../components/FormModal';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

/** Art. 26 of the Administrative Licensing Law: joint handling is finished within 45 working days. */
const JOINT_STATUTORY_DAYS = 45;
const FIELDS = [
  'code',
  'name',
  'nameEn',
  'description',
  'leadDepartmentCode',
  'itemCodes',
  'committedDays',
  'keywords',
] as const;
const COLOUR: Record<string, string> = { published: 'green', withdrawn: 'red' };

/** An English name left blank is no English name: saved as null, so the English pages show the Chinese one. */
const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

const toInput = (v: BundleInput): BundleInput => ({
  ...v,
  name: v.name.trim(),
  nameEn: blankToNull(v.nameEn),
  description: v.description.trim(),
  keywords: (v.keywords ?? []).map((k) => k.trim()).filter(Boolean),
});

const fromBundle = (b: AdminBundle): BundleInput => ({
  code: b.code,
  name: b.name,
  nameEn: b.nameEn,
  description: b.description,
  leadDepartmentCode: b.leadDepartment.code,
  itemCodes: b.itemCodes,
  committedDays: b.committedDays,
  keywords: b.keywords,
});

/**
 * Bundles (一件事) for the administrators: several published items handled as one matter with one
 * lead department and one committed limit. Created, changed at the version read, and withdrawn with
 * a reason; a withdrawn one stays listed here (cases filed under it go on) but leaves the guide.
 */
export default function AdminBundlesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { localName } = useLocalName();
  const q = useApi('admin-bundles', (s) => adminApi.bundles(s));
  const [form] = Form.useForm<BundleInput>();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [editing, setEditing] = useState<AdminBundle | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<AdminBundle | null>(null);

  /** A stale version: the list is read again, and the dialog says why the change was refused. */
  const conflicts = async (send: () => Promise<unknown>) => {
    try {
      await send();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') {
        message.warning(t('adminBundles.conflict'));
        q.reload();
      }
      throw e;
    }
  };

  const save = async (v: BundleInput) => {
    const input = toInput(v);
    await conflicts(() =>
      editing === 'new'
        ? adminApi.createBundle(input)
        : adminApi.updateBundle((editing as AdminBundle).id, {
            ...input,
            version: (editing as AdminBundle).version,
          }),
    );
    message.success(t('common.saved'));
    q.reload();
  };

  const withdraw = async (v: { reason: string }) => {
    const b = withdrawing!;
    await conflicts(() => adminApi.withdrawBundle(b.id, b.version, v.reason.trim()));
    message.success(t('adminBundles.withdrawn', { name: localName(b) }));
    q.reload();
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('adminBundles.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('adminBundles.new')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('adminBundles.intro')}</Typography.Paragraph>
      <Loadable state={q} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<AdminBundle>
            rowKey="id"
            size="small"
            dataSource={d.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: true }}
            columns={[
              { title: t('adminBundles.name'), render: (_, r) => localName(r) },
              { title: t('adminBundles.code'), dataIndex: 'code' },
              { title: t('adminBundles.lead'), render: (_, r) => localName(r.leadDepartment) },
              { title: t('adminBundles.itemCount'), render: (_, r) => r.itemCodes.length },
              {
                title: t('adminBundles.committedDays'),
                render: (_, r) => t('adminBundles.days', { count: r.committedDays }),
              },
              {
                title: t('common.status'),
                render: (_, r) => <Tag color={COLOUR[r.status]}>{t(`adminBundles.status.${r.status}`)}</Tag>,
              },
              { title: t('common.version'), dataIndex: 'version' },
              {
                title: t('common.actions'),
                render: (_, r) =>
                  r.status === 'published' ? (
                    <Space size="small">
                      <Button
                        size="small"
                        onClick={() => setEditing(r)}
                        aria-label={t('adminBundles.editOne', { name: localName(r) })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => setWithdrawing(r)}
                        aria-label={t('adminBundles.withdrawOne', { name: localName(r) })}
                      >
                        {t('adminBundles.withdraw')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        )}
      </Loadable>
      <FormModal<BundleInput>
        open={editing !== null}
        title={editing === 'new' ? t('adminBundles.new') : t('adminBundles.edit')}
        form={form}
        fields={FIELDS}
        initialValues={
          editing && editing !== 'new'
            ? fromBundle(editing)
            : { itemCodes: [], keywords: [], committedDays: 5 }
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
        width={720}
      >
        <BundleFields creating={editing === 'new'} />
      </FormModal>
      <FormModal<{ reason: string }>
        open={withdrawing !== null}
        title={t('adminBundles.withdrawTitle', { name: withdrawing ? localName(withdrawing) : '' })}
        form={reasonForm}
        fields={['reason']}
        okText={t('adminBundles.withdraw')}
        onSubmit={withdraw}
        onClose={() => setWithdrawing(null)}
      >
        <Typography.Paragraph>{t('adminBundles.withdrawWarning')}</Typography.Paragraph>
        <Form.Item
          name="reason"
          label={t('adminBundles.reason')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 500, message: t('adminBundles.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}

function BundleFields({ creating }: { creating: boolean }) {
  const { t } = useTranslation();
  const { localName } = useLocalName();
  const depts = useDepartments();
  const items = useApi('published-items', (s) => catalogueApi.allItems(s));
  const req = (label: string) => [
    { required: true, whitespace: true, message: t('form.required', { label }) },
  ];
  // Each item with its department, found by either name in either language or by its code.
  const itemOptions = (items.data ?? []).map((i) => {
    const dept = i.department ? localName(i.department) : '';
    return {
      value: i.code,
      label: dept ? `${localName(i)}（${dept}）` : localName(i),
      search: [i.name, i.nameEn, i.code, i.department?.name, i.department?.nameEn].join(' ').toLowerCase(),
    };
  });
  return (
    <>
      <Form.Item
        name="code"
        label={t('adminBundles.code')}
        extra={t('adminBundles.codeHelp')}
        rules={[
          ...req(t('adminBundles.code')),
          { pattern: /^[A-Z0-9-]{2,30}$/, message: t('adminBundles.codePattern') },
        ]}
      >
        <Input disabled={!creating} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('adminBundles.name')}
        rules={[...req(t('adminBundles.name')), { min: 2, max: 100 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('adminBundles.nameEn')}
        extra={t('adminBundles.nameEnHelp')}
        rules={[{ max: 200 }]}
      >
        <Input lang="en" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('adminBundles.description')}
        rules={[...req(t('adminBundles.description')), { min: 2, max: 2000 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="leadDepartmentCode"
        label={t('adminBundles.lead')}
        extra={t('adminBundles.leadHelp')}
        rules={[{ required: true, message: t('form.required', { label: t('adminBundles.lead') }) }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={depts.loading}
          aria-label={t('adminBundles.lead')}
          options={depts.departments.map((d) => ({ value: d.code, label: localName(d) }))}
        />
      </Form.Item>
      <Form.Item
        name="itemCodes"
        label={t('adminBundles.items')}
        extra={t('adminBundles.itemsHelp')}
        rules={[
          {
            required: true,
            type: 'array',
            min: 2,
            max: 20,
            message: t('adminBundles.itemsCount'),
          },
        ]}
      >
        <Select
          mode="multiple"
          loading={items.loading}
          aria-label={t('adminBundles.items')}
          showSearch={{
            filterOption: (input, option) =>
              !!option && String(option.search).includes(input.trim().toLowerCase()),
          }}
          options={itemOptions}
        />
      </Form.Item>
      <Form.Item
        name="committedDays"
        label={t('adminBundles.committedDays')}
        extra={t('adminBundles.committedDaysHelp', { max: JOINT_STATUTORY_DAYS })}
        rules={[
          {
            required: true,
            type: 'integer',
            min: 1,
            max: JOINT_STATUTORY_DAYS,
            message: t('adminBundles.committedDaysRange', { max: JOINT_STATUTORY_DAYS }),
          },
        ]}
      >
        <InputNumber min={1} max={JOINT_STATUTORY_DAYS} precision={0} />
      </Form.Item>
      <Form.Item name="keywords" label={t('adminBundles.keywords')} extra={t('adminBundles.keywordsHelp')}>
        <Select mode="tags" open={false} suffixIcon={null} aria-label={t('adminBundles.keywords')} />
      </Form.Item>
    </>
  );
}
