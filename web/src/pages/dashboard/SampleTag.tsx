import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** The sample a figure stands on, and a mark when it is too small to read much into. */
export function SampleNote({ sample, small, min }: { sample: number; small: boolean; min: number }) {
  const { t } = useTranslation();
  return (
    <span className="ow-small">
      {t('dashboard.sample', { count: sample })}
      {small && (
        <Tooltip title={t('dashboard.smallSampleHint', { min })}>
          <Tag color="warning" style={{ marginInlineStart: 6 }}>
            {t('dashboard.smallSample')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}
