import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../domain/enums';

const COLOURS: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };

export function ColourTag({ colour }: { colour: string | null }) {
  const { t } = useTranslation();
  if (!colour) return null;
  return <Tag color={COLOURS[colour] ?? 'default'}>{enumLabel(t, 'colour', colour)}</Tag>;
}
