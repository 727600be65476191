import { useTranslation } from 'react-i18next';

/** A "required" rule whose message names the field in the UI language. */
export function useRequired() {
  const { t } = useTranslation();
  return (label: string) => ({ required: true, whitespace: true, message: t('form.required', { label }) });
}
