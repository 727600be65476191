import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../hooks/use-auth';
import { useDepartments } from '../../hooks/use-departments';

/**
 * The department a page works for: a member of staff's own, or (an administrator, a supervisor) the
 * one picked here. Returns the id, or null while none is picked.
 */
export function useWorkingDepartment(picked: string | undefined): string | null {
  const { user } = useAuth();
  return user?.departmentId ?? picked ?? null;
}

export function DepartmentPicker({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { departments } = useDepartments();
  if (user?.departmentId) return null;
  return (
    <Select
      aria-label={t('inspections.pickDepartment')}
      placeholder={t('inspections.pickDepartment')}
      style={{ minWidth: 220 }}
      value={value}
      onChange={onChange}
      options={departments.map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}
