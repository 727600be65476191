import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../../api/cases';
import { enumLabel } from '../../domain/enums';
import { useApi } from '../../hooks/use-api';
import { messageOf } from '../../components/ProblemAlert';

interface Props {
  id?: string;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  multiple?: boolean;
  /** only staff in these roles (e.g. reviewers and heads for an on-site verification) */
  roles?: readonly string[];
  /** staff not to offer (yourself, for a hand-over) */
  exclude?: string | null;
  departmentId?: string;
}

/** Pick colleagues from the staff directory (GET /staff: my department's active staff) by name and role. */
export function StaffSelect({ id, value, onChange, multiple, roles, exclude, departmentId }: Props) {
  const { t } = useTranslation();
  const q = useApi(`staff:${departmentId ?? ''}`, (s) => staffApi.list(departmentId, s));
  const options = (q.data?.items ?? [])
    .filter((m) => (!roles || roles.includes(m.role)) && m.id !== exclude)
    .map((m) => ({
      value: m.id,
      label: t('inquiry.staffOption', { name: m.displayName, role: enumLabel(t, 'role', m.role) }),
    }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      mode={multiple ? 'multiple' : undefined}
      options={options}
      loading={q.loading}
      status={q.error ? 'error' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder={q.loading ? t('common.loading') : t('inquiry.pickStaff')}
      notFoundContent={
        q.error ? messageOf(q.error, t) : q.loading ? t('common.loading') : t('inquiry.noStaff')
      }
    />
  );
}
