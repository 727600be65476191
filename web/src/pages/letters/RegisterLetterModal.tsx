import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { lettersApi, type LetterView, type RegisterLetterBody } from '../../api/letters';
import { enumOptions } from '../../domain/enums';
import { isCivilDate } from '../../format/date';
import { FormModal } from '../../components/FormModal';

type Values = Omit<RegisterLetterBody, 'kind'> & { kind: RegisterLetterBody['kind'] };
const FIELDS = [
  'kind',
  'senderName',
  'senderOrganization',
  'senderIdNumber',
  'senderPhone',
  'senderAddress',
  'receivedDate',
  'subject',
  'summary',
] as const;
const optional = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The registry takes a letter in: who wrote, when it came, what it is about. */
export function RegisterLetterModal({
  open,
  onClose,
  onRegistered,
}: {
  open: boolean;
  onClose: () => void;
  onRegistered: (l: LetterView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('form.required', { label }),
  });
  return (
    <FormModal<Values>
      open={open}
      title={t('letters.registerTitle')}
      form={form}
      fields={FIELDS}
      okText={t('letters.register')}
      initialValues={{ kind: 'citizen' }}
      width={640}
      onClose={onClose}
      onSubmit={async (v) => {
        const l = await lettersApi.register({
          kind: v.kind,
          senderName: v.senderName.trim(),
          senderOrganization: optional(v.senderOrganization),
          senderIdNumber: optional(v.senderIdNumber),
          senderPhone: optional(v.senderPhone),
          senderAddress: optional(v.senderAddress),
          receivedDate: v.receivedDate.trim(),
          subject: v.subject.trim(),
          summary: optional(v.summary),
        });
        onRegistered(l);
      }}
    >
      <Form.Item name="kind" label={t('letters.kind')} rules={[{ required: true }]}>
        <Select options={enumOptions(t, 'letterKind')} />
      </Form.Item>
      <Form.Item
        name="senderName"
        label={t('letters.senderName')}
        rules={[required(t('letters.senderName'))]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="senderOrganization" label={t('letters.senderOrganization')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="senderIdNumber" label={t('letters.senderIdNumber')}>
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="senderPhone" label={t('letters.senderPhone')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="senderAddress" label={t('letters.senderAddress')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="receivedDate"
        label={t('letters.receivedDate')}
        rules={[
          required(t('letters.receivedDate')),
          {
            validator: (_, v: string | undefined) =>
              !v || isCivilDate(v.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('letters.dateFormat'))),
          },
        ]}
      >
        <Input placeholder="2026-11-30" maxLength={10} />
      </Form.Item>
      <Form.Item name="subject" label={t('letters.subject')} rules={[required(t('letters.subject'))]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label={t('letters.summary')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}
