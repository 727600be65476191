import { useState } from 'react';
import { App, Button, Flex, Form, Popconfirm, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import type { Fee } from '../../api/types';
import { enumLabel } from '../../domain/enums';
import { describeFeeRule } from '../../format/money';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { FormModal } from '../../components/FormModal';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FEE_FIELDS, fromFee, toFeeInput, type FeeFormValues } from './fee-form-model';
import { FeeFields } from './FeeFields';

export default function AdminFeesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const q = useApi('admin-fees', (s) => adminApi.fees(s));
  const depts = useDepartments();
  const [form] = Form.useForm<FeeFormValues>();
  const [editing, setEditing] = useState<Fee | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const save = async (v: FeeFormValues) => {
    const input = toFeeInput(v);
    if (editing === 'new') await adminApi.createFee(input);
    else if (editing) await adminApi.updateFee(editing.id, { ...input, version: editing.version });
    message.success(t('common.saved'));
    q.reload();
  };
  const withdraw = async (f: Fee) => {
    setError(null);
    try {
      await adminApi.withdrawFee(f.id, f.version);
      message.success(t('adminFees.withdrawn'));
      q.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('adminFees.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('adminFees.new')}
          </Button>
        }
      />
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
      <Loadable state={q} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<Fee>
            rowKey="id"
            size="small"
            dataSource={d.items}
            scroll={{ x: true }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('fees.code'), dataIndex: 'code', className: 'ow-mono' },
              { title: t('adminFees.name'), dataIndex: 'name' },
              { title: t('fees.department'), render: (_, f) => f.department?.name ?? '' },
              {
                title: t('fees.category'),
                dataIndex: 'category',
                render: (c: string) => enumLabel(t, 'feeCategory', c),
              },
              {
                title: t('adminFees.amount'),
                render: (_, f) => describeFeeRule(f.rule, i18n.language, t).amount,
              },
              {
                title: t('common.status'),
                dataIndex: 'status',
                render: (s: string) => (
                  <Tag color={s === 'published' ? 'green' : 'default'}>{enumLabel(t, 'recordStatus', s)}</Tag>
                ),
              },
              {
                title: t('common.actions'),
                render: (_, f) =>
                  f.status === 'published' && (
                    <Flex gap={4}>
                      <Button
                        size="small"
                        onClick={() => setEditing(f)}
                        aria-label={t('adminFees.editOne', { name: f.name })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('adminFees.withdrawConfirm', { name: f.name })}
                        onConfirm={() => withdraw(f)}
                        okText={t('adminFees.withdraw')}
                        cancelText={t('common.cancel')}
                      >
                        <Button size="small" danger>
                          {t('adminFees.withdraw')}
                        </Button>
                      </Popconfirm>
                    </Flex>
                  ),
              },
            ]}
          />
        )}
      </Loadable>
      <FormModal<FeeFormValues>
        open={editing !== null}
        title={editing === 'new' ? t('adminFees.new') : t('adminFees.edit')}
        form={form}
        fields={FEE_FIELDS}
        initialValues={
          editing && editing !== 'new'
            ? fromFee(editing)
            : { category: 'administrative', ruleKind: 'fixed', tiers: [{ upTo: null, unitPrice: '' }] }
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
        width={720}
      >
        <FeeFields creating={editing === 'new'} departments={depts.departments} />
      </FormModal>
    </Flex>
  );
}
