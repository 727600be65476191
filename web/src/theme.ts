import type { ThemeConfig } from 'antd';

/**
 * WCAG 2.1 AA contrast (4.5:1) for text on white and on the page's #f5f7fa: antd's grey secondary text
 * (45% black) and its link blue (#1677ff) fall short, and so do the preset tags' text (gold-7 on gold-1
 * is 2.8:1); those are darkened here once for every page.
 */
const AA = {
  colorPrimary: '#1d4f9a',
  colorLink: '#1d4f9a',
  colorLinkHover: '#2f6bc4',
  colorInfo: '#1d4f9a',
  colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  colorSuccessText: '#237804',
  colorWarningText: '#874d00',
  colorErrorText: '#a8071a',
  colorError: '#cf1322',
  colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
  // Preset tags write their text in the colour's 7th shade; styles.css darkens it (these tokens do not
  // reach the tag's preset styles), these cover the other components that read them.
  gold7: '#874d00',
  yellow7: '#614700',
  lime7: '#3f6600',
  orange7: '#ad4e00',
  volcano7: '#ad2102',
  green7: '#237804',
  cyan7: '#006d75',
  red7: '#a8071a',
  magenta7: '#9e1068',
  purple7: '#391085',
  blue7: '#003eb3',
  geekblue7: '#10239e',
};

export const standardTheme: ThemeConfig = {
  token: { ...AA, borderRadius: 6, fontSize: 15 },
};

/** 适老化: larger text and near-black on white for older readers, as the national guideline asks. */
export const elderTheme: ThemeConfig = {
  token: {
    ...AA,
    borderRadius: 6,
    fontSize: 19,
    controlHeight: 40,
    colorText: '#000000',
    colorTextSecondary: '#1f1f1f',
    colorTextTertiary: '#262626',
    colorTextDescription: '#262626',
    colorBorder: '#595959',
  },
};
