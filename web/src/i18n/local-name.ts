import { useTranslation } from 'react-i18next';

/** Anything the catalogue names in Chinese and, optionally, in English. */
export interface LocalNamed {
  name: string;
  nameEn?: string | null;
}

/**
 * The name to show in a language: the English name on the English pages when the catalogue gives
 * one, the Chinese name otherwise (the official name, always there).
 */
export function localName(named: LocalNamed, lang: string): string {
  const en = named.nameEn?.trim();
  return lang === 'en' && en ? en : named.name;
}

/** A department's short name the same way: its English short name, else its English name, else the Chinese. */
export function localShortName(
  d: { name: string; nameEn?: string | null; shortName: string; shortNameEn?: string | null },
  lang: string,
): string {
  if (lang !== 'en') return d.shortName;
  return localName({ name: d.shortName, nameEn: d.shortNameEn ?? d.nameEn }, lang);
}

/** localName bound to the page's current language. */
export function useLocalName() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    localName: (named: LocalNamed) => localName(named, lang),
    localShortName: (d: Parameters<typeof localShortName>[0]) => localShortName(d, lang),
  };
}
