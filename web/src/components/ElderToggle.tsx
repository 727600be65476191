import { Button } from 'antd';
import { FontSizeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useDisplayMode } from '../hooks/use-display-mode';

/** The 适老化 switch: large text and high contrast, remembered for the next visit. */
export function ElderToggle() {
  const { t } = useTranslation();
  const { elder, toggleElder } = useDisplayMode();
  return (
    <Button
      type="text"
      icon={<FontSizeOutlined aria-hidden />}
      onClick={toggleElder}
      aria-pressed={elder}
      title={t('ux.elder.label')}
      className="ow-header-button"
    >
      <span className="ow-phone-sr-only">{t('ux.elder.short')}</span>
    </Button>
  );
}
