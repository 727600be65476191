import { Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumOptions } from '../../../domain/enums';
import { ListField } from './ListField';
import { useRequired } from './use-required';
import { MaterialFileField } from './MaterialFileField';

const blank = {
  name: '',
  form: 'original',
  copies: 1,
  required: true,
  deferrable: false,
  source: 'applicant',
  notes: '',
};

export function MaterialsFields() {
  const { t } = useTranslation();
  const req = useRequired();
  return (
    <ListField
      name="materials"
      title={t('itemForm.materials')}
      addLabel={t('itemForm.addMaterial')}
      blank={blank}
      row={(f) => (
        <>
          <Form.Item
            name={[f.name, 'name']}
            label={t('itemForm.materialName')}
            rules={[req(t('itemForm.materialName')), { max: 200 }]}
          >
            <Input />
          </Form.Item>
          <div className="ow-form-grid">
            <Form.Item name={[f.name, 'form']} label={t('itemForm.materialForm')}>
              <Select options={enumOptions(t, 'materialForm')} />
            </Form.Item>
            <Form.Item name={[f.name, 'copies']} label={t('itemForm.copies')} rules={[{ required: true }]}>
              <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name={[f.name, 'source']} label={t('itemForm.source')}>
              <Select options={enumOptions(t, 'materialSource')} />
            </Form.Item>
          </div>
          <Flex gap="large" wrap>
            <Form.Item name={[f.name, 'required']} valuePropName="checked" noStyle>
              <Checkbox>{t('guide.required')}</Checkbox>
            </Form.Item>
            <Form.Item name={[f.name, 'deferrable']} valuePropName="checked" noStyle>
              <Checkbox>{t('guide.deferrable')}</Checkbox>
            </Form.Item>
          </Flex>
          <Form.Item
            name={[f.name, 'notes']}
            label={t('itemForm.notes')}
            rules={[{ max: 1000 }]}
            style={{ marginTop: 8 }}
          >
            <Input.TextArea autoSize />
          </Form.Item>
          <div className="ow-form-grid">
            <Form.Item name={[f.name, 'blankFormFileId']} label={t('account.blankForm')}>
              <MaterialFileField kind="blankForm" />
            </Form.Item>
            <Form.Item name={[f.name, 'sampleFileId']} label={t('account.sample')}>
              <MaterialFileField kind="sample" />
            </Form.Item>
          </div>
        </>
      )}
    />
  );
}
