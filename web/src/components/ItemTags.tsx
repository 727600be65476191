import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandlingClass } from '../api/types';
import { enumLabel } from '../domain/enums';

const HANDLING_COLOUR: Record<HandlingClass, string> = { instant: 'green', promise: 'blue', joint: 'purple' };

export function HandlingTag({ value }: { value: HandlingClass }) {
  const { t } = useTranslation();
  return <Tag color={HANDLING_COLOUR[value]}>{enumLabel(t, 'handlingClass', value)}</Tag>;
}

/** 最多跑一次 = 1; 0 is 零跑动 (nothing to do at the hall). */
export function VisitsTag({ visits }: { visits: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={visits <= 1 ? 'cyan' : 'default'}>
      {visits === 0 ? t('item.zeroVisits') : t('item.maxVisits', { count: visits })}
    </Tag>
  );
}
