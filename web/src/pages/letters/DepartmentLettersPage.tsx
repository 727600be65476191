import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { lettersApi } from '../../api/letters';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { LetterTable } from './LetterTable';

/**
 * Two views of letters waiting for an answer: the department's (what it must answer, the closest
 * deadline first) and the supervisors' (every letter past its limit).
 */
export default function DepartmentLettersPage({ view }: { view: 'department' | 'overdue' }) {
  const { t } = useTranslation();
  const q = useApi(`letters:${view}`, (s) =>
    view === 'overdue' ? lettersApi.overdue(s) : lettersApi.department(s),
  );
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t(`letters.${view}Title`)} subtitle={t(`letters.${view}Subtitle`)} />
      <Card size="small">
        <Loadable state={q} isEmpty={(p) => p.total === 0} emptyText={t(`letters.${view}Empty`)}>
          {(p) => <LetterTable items={p.items} />}
        </Loadable>
      </Card>
    </Flex>
  );
}
