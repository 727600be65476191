import { Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Fee } from '../../../api/types';
import { enumOptions } from '../../../domain/enums';
import { ListField } from './ListField';

/** The item's fees point to entries of the published fee catalogue; an item charges nothing else. */
export function FeeLinesFields({ fees }: { fees: Fee[] }) {
  const { t } = useTranslation();
  const options = fees
    .filter((f) => f.status === 'published')
    .map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }));
  return (
    <Card size="small" title={t('guide.section.fees')}>
      <Form.Item name="paymentPoint" label={t('itemForm.paymentPoint')}>
        <Select options={enumOptions(t, 'paymentPoint')} />
      </Form.Item>
      <ListField
        name="fees"
        title={t('itemForm.feeLines')}
        addLabel={t('itemForm.addFee')}
        blank={{ feeCode: undefined, note: '' }}
        row={(f) => (
          <div className="ow-form-grid">
            <Form.Item
              name={[f.name, 'feeCode']}
              label={t('itemForm.feeCode')}
              rules={[{ required: true, message: t('form.required', { label: t('itemForm.feeCode') }) }]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
            </Form.Item>
            <Form.Item name={[f.name, 'note']} label={t('fees.note')} rules={[{ max: 500 }]}>
              <Input />
            </Form.Item>
          </div>
        )}
      />
    </Card>
  );
}
