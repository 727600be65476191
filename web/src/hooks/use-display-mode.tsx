import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export const ELDER_KEY = 'onewindow.elder';

interface DisplayMode {
  /** 适老化: large text, high contrast. */
  elder: boolean;
  toggleElder: () => void;
}

const Ctx = createContext<DisplayMode>({ elder: false, toggleElder: () => undefined });

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(ELDER_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers the reader's choice of the large-text, high-contrast mode and marks <html> for the CSS. */
export function DisplayModeProvider({ children }: { children: ReactNode }) {
  const [elder, setElder] = useState(stored);
  useEffect(() => {
    document.documentElement.classList.toggle('ow-elder', elder);
  }, [elder]);
  const toggleElder = useCallback(() => {
    setElder((on) => {
      try {
        globalThis.localStorage?.setItem(ELDER_KEY, on ? '0' : '1');
      } catch {
        // private mode: the choice lasts for this page only
      }
      return !on;
    });
  }, []);
  const value = useMemo(() => ({ elder, toggleElder }), [elder, toggleElder]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useDisplayMode = () => useContext(Ctx);
