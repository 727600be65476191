import type { TFunction } from 'i18next';
import {
  CLOCK_LABEL_PREFIXES,
  FEE_FORM_WORD,
  type ClockLabelPrefix,
} from '../../../src/modules/clock/clock-labels';

/**
 * A clock's label is written once, in Chinese, when the clock starts; in another language its
 * leading part (the server's prefix table, imported) is said in that language, the matter after it
 * stays as written. Longer prefixes first, so 受理审查（补正后）： wins over 受理审查：.
 */
const PREFIXES = (Object.entries(CLOCK_LABEL_PREFIXES) as [ClockLabelPrefix, string][])
  .map(([key, zh]) => [zh, key] as const)
  .sort((a, b) => b[0].length - a[0].length);

export function clockLabel(label: string, t: TFunction, language: string): string {
  if (language.startsWith('zh')) return label;
  for (const [zh, key] of PREFIXES) {
    if (label.startsWith(zh))
      return `${t(`clockLabel.${key}`)}: ${clockLabel(label.slice(zh.length), t, language)}`;
  }
  if (label.startsWith(FEE_FORM_WORD))
    return `${t('clockLabel.feeForm')} ${label.slice(FEE_FORM_WORD.length)}`;
  return label;
}
