// Dates in the interface's language: the browser's own format in English, Pakistani Urdu in Urdu.
import { useTranslation } from './i18n.ts';

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'ur' ? 'ur-PK' : undefined;
  return {
    date: (iso: string) => new Date(iso).toLocaleDateString(locale),
    dateTime: (iso: string) => new Date(iso).toLocaleString(locale),
  };
}
