import { useEffect, useMemo, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from './hooks/use-auth';
import { DisplayModeProvider, useDisplayMode } from './hooks/use-display-mode';
import { usePrefersReducedMotion } from './hooks/use-reduced-motion';
import { elderTheme, standardTheme } from './theme';

/**
 * antd in the UI language (its own texts and form messages), dayjs likewise, the display mode, the
 * reader's wish for less motion, and the session.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <DisplayModeProvider>
      <Themed>{children}</Themed>
    </DisplayModeProvider>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { elder } = useDisplayMode();
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const still = usePrefersReducedMotion();
  // antd's motion token off: its dialogs, popups and messages appear without zooming or sliding.
  const theme = useMemo(() => {
    const base = elder ? elderTheme : standardTheme;
    return still ? { ...base, token: { ...base.token, motion: false } } : base;
  }, [elder, still]);
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'zh-cn');
    document.documentElement.lang = en ? 'en' : 'zh-CN';
  }, [en]);
  return (
    // No space inserted between a button's two Chinese characters ("登 录"): a label containing the word
    // then matches the visible text, as WCAG 2.5.3 asks.
    <ConfigProvider locale={en ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>{children}</AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
