import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../api/complaints';
import { useDepartments } from '../../hooks/use-departments';

export interface StepValues {
  note?: string;
  reasons?: string;
  departmentId?: string;
  reason?: string;
  suggestedDepartmentId?: string;
  suggestedResponsible?: string;
  decision?: 'upheld' | 'rejected';
  reply?: string;
  reached?: boolean;
}

/** The body of a step: trimmed, empty fields left out, the refusal's reasons one per line. */
export function toStepBody(step: string, v: StepValues, version: number): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string' ? val.trim() !== '' : val !== undefined && val !== null)
      body[k] = typeof val === 'string' ? val.trim() : val;
  }
  if (step === 'refuse')
    body.reasons = (v.reasons ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  if (step === 'decide_return' && v.decision === 'rejected') delete body.departmentId;
  return body;
}

/** The fields each step asks for. */
export function StepFields({ step, ticket }: { step: string; ticket: ComplaintView }) {
  const { t } = useTranslation();
  const depts = useDepartments();
  const decision = Form.useWatch<string | undefined>('decision');
  const need = (label: string) => [
    { required: true, whitespace: true, message: t('form.required', { label }) },
  ];
  const options = depts.departments.map((d) => ({ value: d.id, label: d.name }));
  const dept = (name: string, required: boolean, label = t('complaints.assignedDepartment')) => (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, message: t('form.required', { label }) }] : []}
    >
      <Select showSearch allowClear={!required} optionFilterProp="label" options={options} />
    </Form.Item>
  );
  const text = (name: string, label: string, required: boolean, rows = 3, max = 2000) => (
    <Form.Item name={name} label={label} rules={required ? need(label) : []}>
      <Input.TextArea rows={rows} maxLength={max} />
    </Form.Item>
  );
  switch (step) {
    case 'refuse':
      return text('reasons', t('complaints.form.reasons'), true, 4, 10000);
    case 'dispatch':
      return (
        <>
          {dept('departmentId', false)}
          {text('note', t('complaints.note'), false)}
        </>
      );
    case 'return':
      return (
        <>
          {text('reason', t('complaints.form.returnReason'), true)}
          {dept('suggestedDepartmentId', false, t('complaints.form.suggestedDepartment'))}
          <Form.Item name="suggestedResponsible" label={t('complaints.form.suggestedResponsible')}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      );
    case 'decide_return':
      return (
        <>
          <Form.Item name="decision" label={t('complaints.form.decision')}>
            <Select
              options={[
                { value: 'upheld', label: t('complaints.form.upheld') },
                {
                  value: 'rejected',
                  label: t('complaints.form.rejected', { name: ticket.assignedDepartment?.name ?? '' }),
                },
              ]}
            />
          </Form.Item>
          {decision !== 'rejected' && dept('departmentId', true)}
          {text('note', t('complaints.note'), true)}
        </>
      );
    case 'reassign':
      return (
        <>
          {dept('departmentId', true)}
          {text('note', t('complaints.note'), true)}
        </>
      );
    case 'reply':
      return text('reply', t('complaints.reply'), true, 8, 5000);
    case 'callback':
      return (
        <>
          <Form.Item name="reached" label={t('complaints.form.reached')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {text('note', t('complaints.form.callbackNote'), true)}
        </>
      );
    default:
      return text('note', t('complaints.note'), false);
  }
}
