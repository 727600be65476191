import { Checkbox, Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal';

export interface Prompt {
  title: string;
  /** The body field the text goes into (answer, measures, result, reason). */
  field: string;
  label: string;
  /** A yes/no beside the text (reached, exclude). */
  flag?: { field: string; label: string };
  run: (values: Record<string, unknown>) => Promise<unknown>;
}

/** One dialog for every step that takes a text: an answer, the measures, a call's result, a decision's reasons. */
export function TextPrompt({
  prompt,
  onClose,
}: {
  prompt: Prompt | null;
  onClose: (changed: boolean) => void;
}) {
  const [form] = Form.useForm<Record<string, unknown>>();
  if (!prompt) return null;
  return (
    <FormModal<Record<string, unknown>>
      open
      title={prompt.title}
      form={form}
      fields={[prompt.field, ...(prompt.flag ? [prompt.flag.field] : [])]}
      onSubmit={async (v) => {
        await prompt.run(v);
        form.resetFields();
        onClose(true);
      }}
      onClose={() => onClose(false)}
    >
      {prompt.flag && (
        <Form.Item name={prompt.flag.field} valuePropName="checked" initialValue={true}>
          <Checkbox>{prompt.flag.label}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name={prompt.field} label={prompt.label} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
