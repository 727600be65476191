import { useId, useState } from 'react';
import { App, Button, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import type { UserInput, UserPatch } from '../../api/admin-types';
import type { User } from '../../api/types';
import { enumLabel, enumOptions } from '../../domain/enums';
import { formatInstant } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { FormModal } from '../../components/FormModal';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { UserFields } from './UserFields';

const PAGE_SIZE = 20;
type EditValues = Omit<UserPatch, 'version'>;

export default function AdminUsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const roleId = useId();
  const searchId = useId();
  const [role, setRole] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const depts = useDepartments();
  const q = useApi(`users:${role ?? ''}:${search}:${page}`, (s) =>
    adminApi.users({ role, q: search || undefined, page, pageSize: PAGE_SIZE }, s),
  );
  const [createForm] = Form.useForm<UserInput>();
  const [editForm] = Form.useForm<EditValues>();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  const create = async (v: UserInput) => {
    await adminApi.createUser({
      ...v,
      departmentId: v.departmentId || null,
      phone: v.phone || undefined,
      email: v.email || undefined,
    });
    message.success(t('common.saved'));
    q.reload();
  };
  const update = async (v: EditValues) => {
    if (!editing) return;
    const patch: UserPatch = {
      version: editing.version,
      displayName: v.displayName,
      role: v.role,
      departmentId: v.departmentId || null,
      status: v.status,
    };
    if (v.password) patch.password = v.password;
    if (v.unlock) patch.unlock = true;
    await adminApi.updateUser(editing.id, patch);
    message.success(t('common.saved'));
    q.reload();
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('adminUsers.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('adminUsers.new')}
          </Button>
        }
      />
      <Flex wrap gap="middle">
        <div className="ow-filter">
          <label htmlFor={roleId}>{t('adminUsers.role')}</label>
          <Select
            id={roleId}
            allowClear
            value={role}
            onChange={(r) => {
              setRole(r);
              setPage(1);
            }}
            options={enumOptions(t, 'role')}
            placeholder={t('common.all')}
            style={{ minWidth: 160 }}
          />
        </div>
        <div className="ow-filter">
          <label htmlFor={searchId}>{t('adminUsers.search')}</label>
          <Input.Search
            id={searchId}
            allowClear
            onSearch={(v) => {
              setSearch(v.trim());
              setPage(1);
            }}
            style={{ minWidth: 220 }}
          />
        </div>
      </Flex>
      <Loadable state={q} isEmpty={(p) => p.total === 0}>
        {(p) => (
          <Table<User>
            rowKey="id"
            size="small"
            dataSource={p.items}
            scroll={{ x: true }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: p.total,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              { title: t('adminUsers.username'), dataIndex: 'username' },
              { title: t('adminUsers.displayName'), dataIndex: 'displayName' },
              {
                title: t('adminUsers.role'),
                dataIndex: 'role',
                render: (r: string) => enumLabel(t, 'role', r),
              },
              {
                title: t('adminUsers.department'),
                dataIndex: 'departmentId',
                render: (d: string | null) => depts.name(d),
              },
              {
                title: t('adminUsers.status'),
                render: (_, u) => (
                  <Flex gap={4}>
                    <Tag color={u.status === 'active' ? 'green' : 'default'}>
                      {enumLabel(t, 'recordStatus', u.status)}
                    </Tag>
                    {u.lockedUntil && (
                      <Tag color="red">
                        {t('adminUsers.lockedUntil', { until: formatInstant(u.lockedUntil, i18n.language) })}
                      </Tag>
                    )}
                  </Flex>
                ),
              },
              {
                title: t('common.actions'),
                render: (_, u) => (
                  <Button
                    size="small"
                    onClick={() => setEditing(u)}
                    aria-label={t('adminUsers.editOne', { name: u.username })}
                  >
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Loadable>
      <FormModal<UserInput>
        open={creating}
        title={t('adminUsers.new')}
        form={createForm}
        fields={['username', 'displayName', 'role', 'departmentId', 'password', 'phone', 'email']}
        initialValues={{ role: 'clerk' }}
        onSubmit={create}
        onClose={() => setCreating(false)}
      >
        <UserFields mode="create" departments={depts.departments} />
      </FormModal>
      <FormModal<EditValues>
        open={editing !== null}
        title={t('adminUsers.edit', { name: editing?.username ?? '' })}
        form={editForm}
        fields={['displayName', 'role', 'departmentId', 'status', 'password', 'unlock']}
        initialValues={
          editing
            ? {
                displayName: editing.displayName,
                role: editing.role,
                departmentId: editing.departmentId,
                status: editing.status as 'active' | 'disabled',
              }
            : undefined
        }
        onSubmit={update}
        onClose={() => setEditing(null)}
      >
        <UserFields mode="edit" departments={depts.departments} locked={Boolean(editing?.lockedUntil)} />
      </FormModal>
    </Flex>
  );
}
