import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Select, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { lettersApi, uploadOriginal, type LetterView } from '../../api/letters';
import { useDepartments } from '../../hooks/use-departments';
import { FormModal } from '../../components/FormModal';
import { messageOf } from '../../components/ProblemAlert';

type Action = 'assign' | 'reassign' | 'extension-request' | 'extension-decision' | 'answer';
type Values = {
  departmentId?: string;
  limitDays?: number;
  reason?: string;
  days?: number;
  approve?: boolean;
  note?: string;
  replyText?: string;
};

const OF: Record<string, Action> = {
  assign: 'assign',
  reassign: 'reassign',
  request_extension: 'extension-request',
  decide_extension: 'extension-decision',
  answer: 'answer',
};

/** The buttons for what the viewer may do to the letter now (the server says which), each with its form. */
export function LetterActions({
  letter,
  onChanged,
}: {
  letter: LetterView;
  onChanged: (l: LetterView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const depts = useDepartments();
  const [open, setOpen] = useState<Action | null>(null);
  const [form] = Form.useForm<Values>();
  const need = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('form.required', { label }),
  });
  const deptOptions = depts.departments
    .filter((d) => open !== 'reassign' || d.id !== letter.departmentId)
    .map((d) => ({ value: d.id, label: d.name }));
  const allowed = letter.allowedActions;

  return (
    <Flex gap="small" wrap>
      {allowed.includes('attach_original') && (
        <Upload
          accept=".pdf,.jpg,.jpeg,.png"
          showUploadList={false}
          customRequest={() => undefined}
          beforeUpload={(file) => {
            uploadOriginal(letter.id, letter.version, file).then(
              (l) => {
                message.success(t('letters.done'));
                onChanged(l);
              },
              (e: unknown) => message.error(messageOf(e, t)),
            );
            return false;
          }}
        >
          <Button>{letter.original ? t('letters.replaceOriginal') : t('letters.uploadOriginal')}</Button>
        </Upload>
      )}
      {allowed
        .filter((a) => a in OF)
        .map((a) => (
          <Button
            key={a}
            type={a === 'answer' || a === 'assign' ? 'primary' : 'default'}
            onClick={() => setOpen(OF[a]!)}
          >
            {t(`letters.action.${a}`)}
          </Button>
        ))}
      <FormModal<Values>
        open={open !== null}
        title={open ? t(`letters.actionTitle.${open}`, { number: letter.number }) : ''}
        form={form}
        fields={['departmentId', 'limitDays', 'reason', 'days', 'approve', 'note', 'replyText']}
        okText={t('common.save')}
        initialValues={open === 'extension-decision' ? { approve: true } : {}}
        width={open === 'answer' ? 720 : undefined}
        onClose={() => setOpen(null)}
        onSubmit={async (v) => {
          const body: Record<string, unknown> = { version: letter.version };
          for (const [k, val] of Object.entries(v))
            if (val !== undefined && val !== null && val !== '')
              body[k] = typeof val === 'string' ? val.trim() : val;
          onChanged(await lettersApi.act(letter.id, open!, body));
          message.success(t('letters.done'));
        }}
      >
        {(open === 'assign' || open === 'reassign') && (
          <Form.Item
            name="departmentId"
            label={t('letters.department')}
            rules={[{ required: true, message: t('form.required', { label: t('letters.department') }) }]}
          >
            <Select showSearch optionFilterProp="label" options={deptOptions} />
          </Form.Item>
        )}
        {open === 'assign' && (
          <Form.Item name="limitDays" label={t('letters.limitDays')} extra={t('letters.limitDaysHelp')}>
            <InputNumber min={1} max={120} />
          </Form.Item>
        )}
        {(open === 'reassign' || open === 'extension-request') && (
          <Form.Item name="reason" label={t('letters.reason')} rules={[need(t('letters.reason'))]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {open === 'extension-request' && (
          <Form.Item
            name="days"
            label={t('letters.extensionDays')}
            rules={[{ required: true, message: t('form.required', { label: t('letters.extensionDays') }) }]}
          >
            <InputNumber min={1} max={15} />
          </Form.Item>
        )}
        {open === 'extension-decision' && (
          <>
            <Form.Item name="approve" label={t('letters.decision')}>
              <Select
                options={[
                  { value: true, label: t('letters.approve') },
                  { value: false, label: t('letters.refuse') },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label={t('letters.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {open === 'answer' && (
          <Form.Item
            name="replyText"
            label={t('letters.replyText')}
            extra={t('letters.replyHelp')}
            rules={[need(t('letters.replyText'))]}
          >
            <Input.TextArea rows={8} maxLength={10000} />
          </Form.Item>
        )}
      </FormModal>
    </Flex>
  );
}
