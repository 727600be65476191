import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Signal } from '../../api/supervision-types';
import { useDepartments } from '../../hooks/use-departments';

export type SubjectRef = NonNullable<Signal['subject']>;

/** Which of a matter's clocks this is: a case has its whole-case clock, one per department's review, acceptance, delivery. */
export function clockKindLabel(t: (k: string) => string, subjectType: string): string {
  const known = [
    'case',
    'task',
    'acceptance',
    'delivery',
    'inquiry',
    'letter',
    'complaint',
    'complaint_acceptance',
    'complaint_result',
    'refund',
    'supervision_order',
    'inspection',
    'item',
    'disclosure_village',
    'commitment',
  ];
  return known.includes(subjectType) ? t(`ux.subjectType.${subjectType}`) : t('ux.subjectType.other');
}

/**
 * The matter a clock, signal or order is about, as a supervisor reads it: its number (受理编号, letter or
 * ticket number) linking to its page, the item, the masked person and the department.
 */
export function SubjectCell({ subject, subjectType }: { subject: SubjectRef | null; subjectType: string }) {
  const { t } = useTranslation();
  const depts = useDepartments();
  if (!subject) return <Typography.Text>{clockKindLabel(t, subjectType)}</Typography.Text>;
  const name = subject.reference ?? subject.title ?? clockKindLabel(t, subjectType);
  return (
    <Flex vertical gap={0}>
      <span>
        {subject.link ? <Link to={subject.link}>{name}</Link> : name}{' '}
        <Typography.Text type="secondary">· {clockKindLabel(t, subjectType)}</Typography.Text>
      </span>
      {subject.reference && subject.title && <span>{subject.title}</span>}
      <Typography.Text type="secondary">
        {[subject.person, depts.name(subject.departmentId)].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
}
