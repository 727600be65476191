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
      aria-label={t('ux.elder.label')}
      title={t('ux.elder.label')}
      className="ow-header-button"
    >
      <span className="ow-hide-phone">{elder ? t('ux.elder.on') : t('ux.elder.off')}</span>
    </Button>
  );
}
