import { Button, Grid } from 'antd';
import { FontSizeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useDisplayMode } from '../hooks/use-display-mode';

/** The 适老化 switch: large text and high contrast, remembered for the next visit. */
export function ElderToggle() {
  const { t } = useTranslation();
  const { elder, toggleElder } = useDisplayMode();
  // On a phone the icon alone, named by aria-label; elsewhere the visible words name the button.
  const phone = Grid.useBreakpoint().sm === false;
  return (
    <Button
      type="text"
      icon={<FontSizeOutlined aria-hidden />}
      onClick={toggleElder}
      aria-pressed={elder}
      aria-label={phone ? t('ux.elder.short') : undefined}
      title={t('ux.elder.label')}
      className="ow-header-button"
    >
      {!phone && t('ux.elder.short')}
    </Button>
  );
}
