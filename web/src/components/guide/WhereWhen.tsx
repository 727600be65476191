import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../api/types';

/** Where and when, and whom to call: the hall, the window, the hours, the phones. */
export function WhereWhen({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  return (
    <dl className="ow-facts ow-facts-wide">
      <dt>{t('guide.place')}</dt>
      <dd>{item.place}</dd>
      <dt>{t('guide.window')}</dt>
      <dd>{item.window}</dd>
      <dt>{t('guide.hours')}</dt>
      <dd>{item.hours}</dd>
      <dt>{t('guide.consultPhone')}</dt>
      <dd>
        <a href={`tel:${item.consultPhone}`}>{item.consultPhone}</a>
      </dd>
      <dt>{t('guide.complaintPhone')}</dt>
      <dd>
        <a href={`tel:${item.complaintPhone}`}>{item.complaintPhone}</a>
      </dd>
      {item.onlineUrl && (
        <>
          <dt>{t('guide.online')}</dt>
          <dd>
            <a href={item.onlineUrl} target="_blank" rel="noreferrer">
              {item.onlineUrl}
            </a>
          </dd>
        </>
      )}
    </dl>
  );
}
