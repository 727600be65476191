import { Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Said only when the API answered that the route does not exist yet (404 route_not_found). */
export function ComingSoon({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <Result
      icon={<ClockCircleOutlined aria-hidden />}
      title={<h2 className="ow-result-title">{t('coming.title', { what })}</h2>}
      subTitle={t('coming.text')}
      role="status"
    />
  );
}
