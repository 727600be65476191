import { useTranslation } from 'react-i18next';
import { complaintsApi } from '../../api/complaints';
import { useApi } from '../../hooks/use-api';

/** The report categories, named in the UI language; a code the list lacks is shown as it came. */
export function useCategories() {
  const { i18n } = useTranslation();
  const q = useApi('complaint-categories', (s) => complaintsApi.categories(s));
  const all = q.data ?? [];
  const name = (code: string) => {
    const c = all.find((x) => x.code === code || x.zh === code);
    return c ? (i18n.language === 'en' ? c.en : c.zh) : code;
  };
  const options = all.filter((c) => c.active).map((c) => ({ value: c.code, label: name(c.code) }));
  return { ...q, name, options };
}
