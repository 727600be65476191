import { Button, Grid } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** One button: shows the other language's name, in that language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'en' ? 'zh-CN' : 'en';
  // A phone's header has room for "EN" / "中", each part of the button's spoken name.
  const phone = Grid.useBreakpoint().sm === false;
  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      onClick={() => setLanguage(next)}
      aria-label={phone ? `${next === 'en' ? 'EN' : '中'} ${t('lang.switchTo')}` : t('lang.switchTo')}
      lang={next}
      className="ow-header-button"
    >
      {next === 'en' ? (phone ? 'EN' : 'English') : phone ? '中' : '中文'}
    </Button>
  );
}
