import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** One button: shows the other language's name, in that language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      onClick={() => setLanguage(next)}
      aria-label={t('lang.switchTo')}
      lang={next}
      className="ow-header-button"
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
