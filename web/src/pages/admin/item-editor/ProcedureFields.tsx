import { Checkbox, Flex, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListField } from './ListField';
import { useRequired } from './use-required';

export function ProcedureFields() {
  const { t } = useTranslation();
  const req = useRequired();
  return (
    <ListField
      name="procedure"
      title={t('itemForm.procedure')}
      addLabel={t('itemForm.addStep')}
      blank={{ step: '', description: '' }}
      row={(f) => (
        <>
          <Form.Item
            name={[f.name, 'step']}
            label={t('itemForm.step')}
            rules={[req(t('itemForm.step')), { max: 50 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name={[f.name, 'description']}
            label={t('itemForm.stepDescription')}
            rules={[req(t('itemForm.stepDescription')), { max: 1000 }]}
          >
            <Input.TextArea autoSize />
          </Form.Item>
        </>
      )}
    />
  );
}

export function SpecialProcedureFields() {
  const { t } = useTranslation();
  const req = useRequired();
  const blank = { name: '', days: 0, legalBasis: '', charged: false, counted: false };
  return (
    <ListField
      name="specialProcedures"
      title={t('guide.specialProcedures')}
      addLabel={t('itemForm.addSpecial')}
      blank={blank}
      row={(f) => (
        <>
          <div className="ow-form-grid">
            <Form.Item
              name={[f.name, 'name']}
              label={t('guide.spName')}
              rules={[req(t('guide.spName')), { max: 100 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name={[f.name, 'days']} label={t('guide.spDays')} rules={[{ required: true }]}>
              <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Form.Item
            name={[f.name, 'legalBasis']}
            label={t('guide.spBasis')}
            rules={[req(t('guide.spBasis')), { max: 500 }]}
          >
            <Input />
          </Form.Item>
          <Flex gap="large" wrap>
            <Form.Item name={[f.name, 'counted']} valuePropName="checked" noStyle>
              <Checkbox>{t('itemForm.counted')}</Checkbox>
            </Form.Item>
            <Form.Item name={[f.name, 'charged']} valuePropName="checked" noStyle>
              <Checkbox>{t('itemForm.charged')}</Checkbox>
            </Form.Item>
          </Flex>
        </>
      )}
    />
  );
}
