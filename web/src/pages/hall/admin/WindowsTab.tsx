import { useState } from 'react';
import { App, Button, Flex, Form, Input, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hallAdminApi, type HallGroup, type HallWindow, type Panel } from '../../../api/hall';
import type { ApiState } from '../../../hooks/use-api';
import { FormModal } from '../../../components/FormModal';
import { Loadable } from '../../../components/Loadable';
import { inLang } from '../group-name';

interface WindowForm {
  code: string;
  name: string;
  nameEn: string;
  groupIds: string[];
}
const FIELDS = ['code', 'name', 'nameEn', 'groupIds'];

/** The hall's windows and the groups each calls from. */
export function WindowsTab({ panel, groups }: { panel: ApiState<Panel>; groups: HallGroup[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WindowForm>();
  const [editing, setEditing] = useState<HallWindow | 'new' | null>(null);
  const codeOf = (id: string) => groups.find((g) => g.id === id)?.code ?? '?';
  const req = (label: string) => [
    { required: true, whitespace: true, message: t('form.required', { label }) },
  ];
  const save = async (v: WindowForm) => {
    await hallAdminApi.saveWindow(v.code, { name: v.name, nameEn: v.nameEn, groupIds: v.groupIds });
    message.success(t('common.saved'));
    panel.reload();
  };
  return (
    <Flex vertical gap="middle">
      <Flex justify="end">
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('hall.admin.newWindow')}
        </Button>
      </Flex>
      <Loadable state={panel}>
        {(d) => (
          <Table<HallWindow>
            rowKey="id"
            size="small"
            dataSource={d.windows}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('hall.admin.code'), dataIndex: 'code' },
              { title: t('hall.admin.name'), render: (_, w) => inLang(i18n.language, w.name, w.nameEn) },
              { title: t('hall.admin.callsFrom'), render: (_, w) => w.groupIds.map(codeOf).join('、') },
              {
                title: t('hall.admin.staffed'),
                render: (_, w) => (w.staffed ? t('common.yes') : t('common.no')),
              },
              {
                title: t('common.actions'),
                render: (_, w) => (
                  <Button
                    size="small"
                    onClick={() => setEditing(w)}
                    aria-label={t('hall.admin.editWindow', { code: w.code })}
                  >
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Loadable>
      <FormModal<WindowForm>
        open={editing !== null}
        title={
          editing === 'new'
            ? t('hall.admin.newWindow')
            : t('hall.admin.editWindow', { code: editing?.code ?? '' })
        }
        form={form}
        fields={FIELDS}
        initialValues={
          editing && editing !== 'new'
            ? { code: editing.code, name: editing.name, nameEn: editing.nameEn, groupIds: editing.groupIds }
            : { groupIds: [] }
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        <Form.Item
          name="code"
          label={t('hall.admin.code')}
          rules={[
            ...req(t('hall.admin.code')),
            { pattern: /^[A-Za-z0-9-]{1,16}$/, message: t('hall.admin.windowCodePattern') },
          ]}
        >
          <Input disabled={editing !== 'new'} maxLength={16} />
        </Form.Item>
        <Form.Item name="name" label={t('hall.admin.nameZh')} rules={req(t('hall.admin.nameZh'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('hall.admin.nameEn')} rules={req(t('hall.admin.nameEn'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="groupIds"
          label={t('hall.admin.callsFrom')}
          rules={[{ required: true, type: 'array', min: 1, message: t('hall.admin.groupsRequired') }]}
        >
          <Select
            mode="multiple"
            aria-label={t('hall.admin.callsFrom')}
            options={groups.map((g) => ({
              value: g.id,
              label: `${g.code} ${inLang(i18n.language, g.name, g.nameEn)}`,
            }))}
          />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
