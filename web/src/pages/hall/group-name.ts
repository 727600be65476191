/** A group's or window's name in the reader's language. */
export const inLang = (lang: string, zh: string | null | undefined, en: string | null | undefined) =>
  (lang.startsWith('en') ? en : zh) ?? zh ?? '';
