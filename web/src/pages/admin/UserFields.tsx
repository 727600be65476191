import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../api/types';
import { enumOptions } from '../../domain/enums';

const DEPARTMENT_ROLES = ['clerk', 'reviewer', 'head'];

/** The fields of an account: who, which role, which department (for department staff), a password. */
export function UserFields({
  mode,
  departments,
  locked = false,
}: {
  mode: 'create' | 'edit';
  departments: Department[];
  locked?: boolean;
}) {
  const { t } = useTranslation();
  const role = Form.useWatch('role') as string | undefined;
  const needsDept = role !== undefined && DEPARTMENT_ROLES.includes(role);
  return (
    <>
      {mode === 'create' && (
        <Form.Item
          name="username"
          label={t('adminUsers.username')}
          rules={[
            { required: true, message: t('form.required', { label: t('adminUsers.username') }) },
            { min: 3, max: 64 },
            { pattern: /^[A-Za-z0-9_.@-]+$/, message: t('adminUsers.usernamePattern') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="displayName"
        label={t('adminUsers.displayName')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('form.required', { label: t('adminUsers.displayName') }),
          },
          { max: 100 },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('adminUsers.role')} rules={[{ required: true }]}>
        {/* applicants register themselves, with a checked ID: an existing applicant keeps the role */}
        <Select
          options={enumOptions(t, 'role').filter(
            (o) => o.value !== 'applicant' || (mode === 'edit' && role === 'applicant'),
          )}
        />
      </Form.Item>
      <Form.Item
        name="departmentId"
        label={t('adminUsers.department')}
        rules={needsDept ? [{ required: true, message: t('adminUsers.departmentRequired') }] : []}
      >
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={departments.map((d) => ({ value: d.id, label: d.shortName }))}
        />
      </Form.Item>
      {mode === 'edit' && (
        <Form.Item name="status" label={t('adminUsers.status')}>
          <Select
            options={[
              { value: 'active', label: t('enum.recordStatus.active') },
              { value: 'disabled', label: t('enum.recordStatus.disabled') },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item
        name="password"
        label={mode === 'create' ? t('adminUsers.password') : t('adminUsers.newPassword')}
        rules={
          mode === 'create'
            ? [
                { required: true, message: t('form.required', { label: t('adminUsers.password') }) },
                { max: 128 },
              ]
            : [{ max: 128 }]
        }
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {mode === 'create' && (
        <>
          <Form.Item
            name="phone"
            label={t('adminUsers.phone')}
            rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('adminUsers.phonePattern') }]}
          >
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('adminUsers.email')}
            rules={[{ type: 'email', message: t('adminUsers.emailPattern') }]}
          >
            <Input inputMode="email" />
          </Form.Item>
        </>
      )}
      {mode === 'edit' && locked && (
        <Form.Item name="unlock" valuePropName="checked">
          <Checkbox>{t('adminUsers.unlock')}</Checkbox>
        </Form.Item>
      )}
    </>
  );
}
