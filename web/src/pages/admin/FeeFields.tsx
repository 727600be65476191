import { Button, Flex, Form, Input, InputNumber, Segmented, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../api/types';
import { enumOptions } from '../../domain/enums';
import { yuanRule } from './fee-form-model';

/** A fee catalogue entry: who collects it, on what basis, and how the amount is computed. */
export function FeeFields({ creating, departments }: { creating: boolean; departments: Department[] }) {
  const { t } = useTranslation();
  const kind = Form.useWatch('ruleKind') as string | undefined;
  const req = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('form.required', { label }),
  });
  const money = (label: string, required = true) => [
    yuanRule(t('adminFees.amountInvalid', { label }), required),
  ];
  return (
    <>
      <div className="ow-form-grid">
        <Form.Item
          name="code"
          label={t('fees.code')}
          rules={[
            req(t('fees.code')),
            { pattern: /^FEE-[A-Z0-9-]{2,30}$/, message: t('adminFees.codePattern') },
          ]}
        >
          <Input disabled={!creating} className="ow-mono" />
        </Form.Item>
        <Form.Item name="name" label={t('adminFees.name')} rules={[req(t('adminFees.name')), { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="departmentCode" label={t('fees.department')} rules={[req(t('fees.department'))]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.map((d) => ({ value: d.code, label: d.shortName }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('fees.category')} rules={[{ required: true }]}>
          <Select options={enumOptions(t, 'feeCategory')} />
        </Form.Item>
      </div>
      <Form.Item name="basis" label={t('fees.basis')} rules={[req(t('fees.basis')), { max: 2000 }]}>
        <Input.TextArea autoSize />
      </Form.Item>
      <Form.Item name="standard" label={t('fees.standard')} rules={[req(t('fees.standard')), { max: 1000 }]}>
        <Input.TextArea autoSize />
      </Form.Item>
      <Form.Item
        name="management"
        label={t('fees.management')}
        rules={[req(t('fees.management')), { max: 500 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="ruleKind" label={t('adminFees.ruleKind')}>
        <Segmented options={enumOptions(t, 'feeRuleKind')} />
      </Form.Item>
      {kind === 'fixed' && (
        <Form.Item name="amount" label={t('adminFees.amount')} rules={money(t('adminFees.amount'))}>
          <Input inputMode="decimal" suffix={t('money.yuan')} />
        </Form.Item>
      )}
      {kind !== 'fixed' && (
        <Form.Item name="unit" label={t('adminFees.unit')} rules={[req(t('adminFees.unit')), { max: 20 }]}>
          <Input placeholder="平方米" />
        </Form.Item>
      )}
      {kind === 'per_unit' && (
        <div className="ow-form-grid">
          <Form.Item
            name="unitPrice"
            label={t('adminFees.unitPrice')}
            rules={money(t('adminFees.unitPrice'))}
          >
            <Input inputMode="decimal" suffix={t('money.yuan')} />
          </Form.Item>
          <Form.Item name="min" label={t('adminFees.min')} rules={money(t('adminFees.min'), false)}>
            <Input inputMode="decimal" suffix={t('money.yuan')} />
          </Form.Item>
          <Form.Item name="max" label={t('adminFees.max')} rules={money(t('adminFees.max'), false)}>
            <Input inputMode="decimal" suffix={t('money.yuan')} />
          </Form.Item>
        </div>
      )}
      {kind === 'tiered' && (
        <Form.List
          name="tiers"
          rules={[
            {
              validator: (_, v: unknown[]) =>
                v && v.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('adminFees.tiersRequired'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={4}>
              {fields.map((f, i) => (
                <Flex key={f.key} gap="small" align="start" wrap>
                  <Form.Item
                    name={[f.name, 'upTo']}
                    label={t('adminFees.upTo', { n: i + 1 })}
                    extra={i === fields.length - 1 ? t('adminFees.lastTier') : undefined}
                  >
                    <InputNumber min={0} disabled={i === fields.length - 1} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'unitPrice']}
                    label={t('adminFees.unitPrice')}
                    rules={money(t('adminFees.unitPrice'))}
                  >
                    <Input inputMode="decimal" suffix={t('money.yuan')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => remove(f.name)}
                    aria-label={t('common.removeRow', { n: i + 1, what: t('adminFees.tier') })}
                    style={{ marginTop: 30 }}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ upTo: null, unitPrice: '' })}
              >
                {t('adminFees.addTier')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
      )}
    </>
  );
}
