import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListField } from './ListField';
import { useRequired } from './use-required';

export function ConditionsFields() {
  const { t } = useTranslation();
  const req = useRequired();
  return (
    <ListField
      name="conditions"
      title={t('itemForm.conditions')}
      addLabel={t('itemForm.addCondition')}
      blank=""
      row={(f, i) => (
        <Form.Item
          name={f.name}
          rules={[req(t('itemForm.condition')), { max: 1000 }]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea autoSize aria-label={t('itemForm.conditionN', { n: i + 1 })} />
        </Form.Item>
      )}
    />
  );
}
