import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../api/conduct';

/** A campaign's figures; problems the supervisors found are shown apart from the departments' own. */
export function Tally({ tally }: { tally: CampaignSummary['tally'] }) {
  const { t } = useTranslation();
  const keys = [
    'departments',
    'filed',
    'spotChecked',
    'rejections',
    'foundByDepartments',
    'foundBySupervisors',
    'rectified',
    'overdue',
  ] as const;
  return (
    <Descriptions
      size="small"
      column={4}
      items={keys.map((k) => ({ key: k, label: t(`conduct.inspection.tally.${k}`), children: tally[k] }))}
    />
  );
}
