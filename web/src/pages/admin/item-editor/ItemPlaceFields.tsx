import { Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRequired } from './use-required';

/** Where, when, whom to call, who answers for it, and what is promised. */
export function ItemPlaceFields() {
  const { t } = useTranslation();
  const req = useRequired();
  return (
    <Card size="small" title={t('itemForm.place')}>
      <Form.Item name="place" label={t('guide.place')} rules={[req(t('guide.place')), { max: 300 }]}>
        <Input />
      </Form.Item>
      <div className="ow-form-grid">
        <Form.Item name="window" label={t('guide.window')} rules={[req(t('guide.window')), { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="hours" label={t('guide.hours')} rules={[req(t('guide.hours')), { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="consultPhone"
          label={t('guide.consultPhone')}
          rules={[req(t('guide.consultPhone')), { max: 50 }]}
        >
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="complaintPhone"
          label={t('guide.complaintPhone')}
          rules={[req(t('guide.complaintPhone')), { max: 50 }]}
        >
          <Input inputMode="tel" />
        </Form.Item>
      </div>
      <Form.Item
        name="onlineUrl"
        label={t('guide.online')}
        rules={[{ pattern: /^https?:\/\//, message: t('itemForm.urlPattern') }, { max: 500 }]}
      >
        <Input inputMode="url" />
      </Form.Item>
      <Form.Item
        name="responsibleLeader"
        label={t('guide.leader')}
        rules={[req(t('guide.leader')), { max: 100 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="commitment"
        label={t('guide.commitment')}
        rules={[req(t('guide.commitment')), { max: 2000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
    </Card>
  );
}
