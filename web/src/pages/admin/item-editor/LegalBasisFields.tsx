import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumOptions } from '../../../domain/enums';
import { ListField } from './ListField';
import { useRequired } from './use-required';

export function LegalBasisFields() {
  const { t } = useTranslation();
  const req = useRequired();
  return (
    <ListField
      name="legalBasis"
      title={t('guide.section.basis')}
      addLabel={t('itemForm.addBasis')}
      blank={{ kind: 'law', title: '', articles: '' }}
      row={(f) => (
        <div className="ow-form-grid">
          <Form.Item name={[f.name, 'kind']} label={t('itemForm.basisKind')}>
            <Select options={enumOptions(t, 'legalKind')} />
          </Form.Item>
          <Form.Item
            name={[f.name, 'title']}
            label={t('itemForm.basisTitle')}
            rules={[req(t('itemForm.basisTitle')), { max: 200 }]}
          >
            <Input placeholder="《中华人民共和国行政许可法》" />
          </Form.Item>
          <Form.Item name={[f.name, 'articles']} label={t('itemForm.basisArticles')} rules={[{ max: 500 }]}>
            <Input placeholder="第三十条" />
          </Form.Item>
        </div>
      )}
    />
  );
}
