import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Radio, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hallAdminApi, type HallGroup } from '../../../api/hall';
import { catalogueApi } from '../../../api/catalogue';
import type { ApiState } from '../../../hooks/use-api';
import { useApi } from '../../../hooks/use-api';
import { FormModal } from '../../../components/FormModal';
import { Loadable } from '../../../components/Loadable';
import { inLang } from '../group-name';
import { SlotPreview } from './SlotPreview';

interface GroupForm {
  code: string;
  name: string;
  nameEn: string;
  by: 'department' | 'items';
  departmentId?: string;
  itemIds?: string[];
  sessions: string;
  slotMinutes: number;
  slotCapacity: number;
  serviceMinutes: number;
  active: boolean;
}
const FIELDS = [
  'code',
  'name',
  'nameEn',
  'departmentId',
  'itemIds',
  'sessions',
  'slotMinutes',
  'slotCapacity',
  'serviceMinutes',
];
const RANGE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/** "09:00-12:00, 13:30-17:00" ⇄ [["09:00","12:00"],["13:30","17:00"]] */
const parseSessions = (s: string): [string, string][] =>
  s
    .split(/[,，;；\s]+/)
    .filter(Boolean)
    .map((r) => r.split('-') as [string, string]);
const showSessions = (s: [string, string][]) => s.map(([a, b]) => `${a}-${b}`).join(', ');

/** Window groups by department or by items, with their appointment sessions, slot length and capacity. */
export function GroupsTab({ groups }: { groups: ApiState<{ items: HallGroup[] }> }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GroupForm>();
  const [editing, setEditing] = useState<HallGroup | 'new' | null>(null);
  const [preview, setPreview] = useState<HallGroup | null>(null);
  const depts = useApi(editing ? 'hall-admin-depts' : null, (s) => catalogueApi.departments(s));
  const items = useApi(editing ? 'hall-admin-items' : null, (s) => catalogueApi.allItems(s));
  const by = Form.useWatch('by', form);

  const save = async (v: GroupForm) => {
    await hallAdminApi.saveGroup(v.code, {
      name: v.name,
      nameEn: v.nameEn,
      departmentId: v.by === 'department' ? (v.departmentId ?? null) : null,
      itemIds: v.by === 'items' ? (v.itemIds ?? []) : [],
      sessions: parseSessions(v.sessions),
      slotMinutes: v.slotMinutes,
      slotCapacity: v.slotCapacity,
      serviceMinutes: v.serviceMinutes,
      active: v.active,
    });
    message.success(t('common.saved'));
    groups.reload();
  };
  const initial = (g: HallGroup | 'new'): Partial<GroupForm> =>
    g === 'new'
      ? {
          by: 'department',
          sessions: '09:00-12:00, 13:30-17:00',
          slotMinutes: 30,
          slotCapacity: 4,
          serviceMinutes: 10,
          active: true,
        }
      : {
          code: g.code,
          name: g.name,
          nameEn: g.nameEn,
          by: g.itemIds.length ? 'items' : 'department',
          departmentId: g.departmentId ?? undefined,
          itemIds: g.itemIds,
          sessions: showSessions(g.sessions),
          slotMinutes: g.slotMinutes,
          slotCapacity: g.slotCapacity,
          serviceMinutes: g.serviceMinutes,
          active: g.active,
        };
  const req = (label: string) => [{ required: true, message: t('form.required', { label }) }];
  return (
    <Flex vertical gap="middle">
      <Flex justify="end">
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('hall.admin.newGroup')}
        </Button>
      </Flex>
      <Loadable state={groups}>
        {(d) => (
          <Table<HallGroup>
            rowKey="id"
            size="small"
            dataSource={d.items}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('hall.admin.code'), dataIndex: 'code' },
              { title: t('hall.admin.name'), render: (_, g) => inLang(i18n.language, g.name, g.nameEn) },
              {
                title: t('hall.admin.serves'),
                render: (_, g) =>
                  g.itemIds.length
                    ? t('hall.admin.byItems', { n: g.itemIds.length })
                    : t('hall.admin.byDepartment'),
              },
              { title: t('hall.admin.sessions'), render: (_, g) => showSessions(g.sessions) },
              {
                title: t('hall.admin.slot'),
                render: (_, g) =>
                  t('hall.admin.slotText', { minutes: g.slotMinutes, capacity: g.slotCapacity }),
              },
              {
                title: t('hall.admin.state'),
                render: (_, g) =>
                  g.active ? (
                    <Tag color="green">{t('hall.admin.active')}</Tag>
                  ) : (
                    <Tag>{t('hall.admin.inactive')}</Tag>
                  ),
              },
              {
                title: t('common.actions'),
                render: (_, g) => (
                  <Flex gap="small">
                    <Button
                      size="small"
                      onClick={() => setEditing(g)}
                      aria-label={t('hall.admin.editGroup', { code: g.code })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setPreview(g)}
                      aria-label={t('hall.admin.previewOf', { code: g.code })}
                    >
                      {t('hall.admin.preview')}
                    </Button>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Loadable>
      {preview && <SlotPreview group={preview} onClose={() => setPreview(null)} />}
      <FormModal<GroupForm>
        open={editing !== null}
        title={
          editing === 'new'
            ? t('hall.admin.newGroup')
            : t('hall.admin.editGroup', { code: editing?.code ?? '' })
        }
        form={form}
        fields={FIELDS}
        initialValues={editing ? initial(editing) : undefined}
        onSubmit={save}
        onClose={() => setEditing(null)}
        width={640}
      >
        <Form.Item
          name="code"
          label={t('hall.admin.code')}
          extra={t('hall.admin.codeHelp')}
          rules={[
            ...req(t('hall.admin.code')),
            { pattern: /^[A-Z]{1,2}$/, message: t('hall.admin.codePattern') },
          ]}
        >
          <Input disabled={editing !== 'new'} maxLength={2} />
        </Form.Item>
        <Flex gap="small" wrap>
          <Form.Item
            name="name"
            label={t('hall.admin.nameZh')}
            rules={req(t('hall.admin.nameZh'))}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('hall.admin.nameEn')}
            rules={req(t('hall.admin.nameEn'))}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="by" label={t('hall.admin.serves')}>
          <Radio.Group
            options={[
              { value: 'department', label: t('hall.admin.byDepartment') },
              { value: 'items', label: t('hall.admin.byItemsChoice') },
            ]}
          />
        </Form.Item>
        {by === 'items' ? (
          <Form.Item
            name="itemIds"
            label={t('hall.admin.items')}
            rules={[{ required: true, type: 'array', min: 1, message: t('hall.admin.itemsRequired') }]}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              loading={items.loading}
              aria-label={t('hall.admin.items')}
              options={(items.data ?? []).map((it) => ({ value: it.id, label: it.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="departmentId"
            label={t('hall.admin.department')}
            rules={req(t('hall.admin.department'))}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={depts.loading}
              aria-label={t('hall.admin.department')}
              options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="sessions"
          label={t('hall.admin.sessions')}
          extra={t('hall.admin.sessionsHelp')}
          rules={[
            ...req(t('hall.admin.sessions')),
            {
              validator: async (_, v: string) => {
                const parts = (v ?? '').split(/[,，;；\s]+/).filter(Boolean);
                if (parts.some((p) => !RANGE.test(p))) throw new Error(t('hall.admin.sessionsPattern'));
              },
            },
          ]}
        >
          <Input />
        </Form.Item>
        <Flex gap="small" wrap>
          <Form.Item
            name="slotMinutes"
            label={t('hall.admin.slotMinutes')}
            rules={req(t('hall.admin.slotMinutes'))}
          >
            <InputNumber min={5} max={240} />
          </Form.Item>
          <Form.Item
            name="slotCapacity"
            label={t('hall.admin.slotCapacity')}
            rules={req(t('hall.admin.slotCapacity'))}
          >
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item
            name="serviceMinutes"
            label={t('hall.admin.serviceMinutes')}
            rules={req(t('hall.admin.serviceMinutes'))}
          >
            <InputNumber min={1} max={240} />
          </Form.Item>
        </Flex>
        <Form.Item name="active" label={t('hall.admin.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
