import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../../api/admin';
import { FormModal } from '../../../components/FormModal';

/** Takes an item out of the public guide, with a reason that goes into the audit trail. */
export function WithdrawItemButton({
  itemId,
  version,
  onDone,
}: {
  itemId: string;
  version: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('itemForm.withdraw')}
      </Button>
      <FormModal<{ reason: string }>
        open={open}
        title={t('itemForm.withdraw')}
        form={form}
        fields={['reason']}
        okText={t('itemForm.withdraw')}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await adminApi.withdraw(itemId, version, v.reason.trim());
          message.success(t('itemForm.withdrawn'));
          onDone();
        }}
      >
        <Form.Item
          name="reason"
          label={t('itemForm.withdrawReason')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 500, message: t('itemForm.reasonRequired') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
