import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DueDaysField } from './DueDaysField';
import { disclosureApi, type VillageBody, type VillageView } from '../../api/disclosure';
import type { Department } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { quarterStart, VILLAGE_CODE } from './village-admin';

const FIELDS = ['code', 'name', 'township', 'departmentId', 'cadence', 'dueDays', 'discloseFrom'];

/**
 * Registers a village: the departments offered are those the user may publish for (an
 * administrator's any, a township clerk's own). Checked as the server checks; what the server
 * refuses (a code taken) is shown at its field and the form keeps what was typed.
 */
export function RegisterVillageModal({
  open,
  departments,
  today,
  onClose,
  onDone,
}: {
  open: boolean;
  departments: Department[];
  today: string;
  onClose: () => void;
  onDone: (v: VillageView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VillageBody>();
  const label = (k: string) => t(`villageAdmin.${k}`);
  const required = (k: string) => ({
    required: true,
    whitespace: true,
    message: t('form.required', { label: label(k) }),
  });
  return (
    <FormModal<VillageBody>
      open={open}
      title={label('registerTitle')}
      form={form}
      fields={FIELDS}
      okText={label('registerOk')}
      initialValues={{
        cadence: 'quarterly',
        dueDays: 10,
        discloseFrom: quarterStart(today),
        ...(departments.length === 1 ? { departmentId: departments[0]!.id } : {}),
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        const made = await disclosureApi.registerVillage({
          ...v,
          code: v.code.trim(),
          name: v.name.trim(),
          township: v.township.trim(),
        });
        onDone(made);
      }}
    >
      <Form.Item
        name="code"
        label={label('code')}
        extra={label('codeHint')}
        rules={[required('code'), { pattern: VILLAGE_CODE, message: label('codeInvalid') }]}
      >
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={label('name')} rules={[required('name'), { max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="township" label={label('township')} rules={[required('township'), { max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="departmentId" label={label('department')} rules={[required('department')]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="cadence" label={label('cadence')}>
        <Radio.Group
          options={(['quarterly', 'monthly'] as const).map((c) => ({
            value: c,
            label: t(`disclosure.cadence.${c}`),
          }))}
        />
      </Form.Item>
      <DueDaysField />
      <Form.Item
        name="discloseFrom"
        label={label('discloseFrom')}
        extra={label('discloseFromHint')}
        rules={[required('discloseFrom')]}
      >
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}
