import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Standing } from '../../api/disclosure';

const COLOUR: Record<Standing, string> = {
  in_force: 'green',
  not_yet_effective: 'blue',
  expired: 'red',
  amended: 'orange',
  repealed: 'default',
};

/** How a document stands today, as a tag: 现行有效, 尚未施行, 已失效, 已修订, 已废止. */
export function StandingTag({ standing }: { standing: Standing }) {
  const { t } = useTranslation();
  return <Tag color={COLOUR[standing]}>{t(`disclosure.standing.${standing}`)}</Tag>;
}

/** The banner a document not in force carries at the top of its page: never silently out of date. */
export function StandingBanner({ standing, expiresOn }: { standing: Standing; expiresOn: string | null }) {
  const { t } = useTranslation();
  if (standing === 'in_force') return null;
  return (
    <Alert
      type={standing === 'not_yet_effective' ? 'info' : 'warning'}
      showIcon
      role="status"
      title={t(`disclosure.banner.${standing}`, { date: expiresOn ?? '' })}
    />
  );
}
