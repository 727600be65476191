import { Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../api/types';
import { enumOptions, LIFE_EVENTS, lifeEventLabel } from '../../../domain/enums';
import { useRequired } from './use-required';

/** Identity of the item: name, code, type, level, department, implementing body, themes and search words. */
export function ItemBasicsFields({
  creating,
  departments,
}: {
  creating: boolean;
  departments: Department[];
}) {
  const { t } = useTranslation();
  const req = useRequired();
  return (
    <Card size="small" title={t('itemForm.basics')}>
      <Form.Item name="name" label={t('itemForm.name')} rules={[req(t('itemForm.name')), { max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('localNames.nameEn')}
        extra={t('localNames.nameEnHelp')}
        rules={[{ max: 300 }]}
      >
        <Input lang="en" />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('itemForm.code')}
        extra={creating ? t('itemForm.codeHelp') : t('itemForm.codeFixed')}
        rules={[
          req(t('itemForm.code')),
          { max: 64 },
          { pattern: /^[0-9A-Za-z._-]+$/, message: t('itemForm.codePattern') },
        ]}
      >
        <Input disabled={!creating} className="ow-mono" />
      </Form.Item>
      <div className="ow-form-grid">
        <Form.Item name="type" label={t('itemForm.type')} rules={[req(t('itemForm.type'))]}>
          <Select options={enumOptions(t, 'itemType')} />
        </Form.Item>
        <Form.Item name="level" label={t('itemForm.level')} rules={[req(t('itemForm.level'))]}>
          <Select options={enumOptions(t, 'level')} />
        </Form.Item>
        <Form.Item
          name="departmentCode"
          label={t('itemForm.department')}
          rules={[req(t('itemForm.department'))]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.map((d) => ({ value: d.code, label: `${d.shortName} (${d.code})` }))}
          />
        </Form.Item>
      </div>
      <Form.Item
        name="implementingBody"
        label={t('itemForm.implementingBody')}
        rules={[req(t('itemForm.implementingBody')), { max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="resultName"
        label={t('itemForm.resultName')}
        rules={[req(t('itemForm.resultName')), { max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="lifeEvents" label={t('itemForm.lifeEvents')} extra={t('itemForm.tagsHelp')}>
        <Select mode="tags" options={LIFE_EVENTS.map((e) => ({ value: e, label: lifeEventLabel(t, e) }))} />
      </Form.Item>
      <Form.Item name="keywords" label={t('itemForm.keywords')} extra={t('itemForm.keywordsHelp')}>
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
    </Card>
  );
}
