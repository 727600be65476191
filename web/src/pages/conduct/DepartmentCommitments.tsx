import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { commitmentsApi } from '../../api/conduct';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { CommitmentCard } from './CommitmentCard';

/** On a department's public page: what it has promised for the period, with progress (部门承诺). */
export function DepartmentCommitments({ department }: { department: string }) {
  const { t } = useTranslation();
  const q = useApi(`commitments:${department}`, (s) => commitmentsApi.ofDepartment(department, s));
  return (
    <Flex vertical gap="small">
      <Typography.Title level={3}>{t('conduct.commitments.publicTitle')}</Typography.Title>
      <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('conduct.commitments.none')}>
        {(d) => (
          <Flex vertical gap="small">
            {d.items.map((c) => (
              <CommitmentCard key={c.id} c={c} />
            ))}
          </Flex>
        )}
      </Loadable>
    </Flex>
  );
}
