import { useTranslation } from 'react-i18next';
import type { Explanation as Reason } from '../../api/types';

/** A deadline's explanation, each step in the UI language (the server sends both). */
export function Explanation({ reasons }: { reasons: Reason[] }) {
  const { i18n, t } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <ol className="ow-explanation" aria-label={t('calendar.explanation')}>
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`} data-code={r.code}>
          {en ? r.en : r.zh}
        </li>
      ))}
    </ol>
  );
}
