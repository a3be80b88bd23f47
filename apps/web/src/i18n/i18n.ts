// The interface language: English by default, Urdu (right to left) when chosen, remembered on this device.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ur } from './ur.ts';

export const languages = ['en', 'ur'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'unani-cdss.language';

function remembered(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'ur' ? 'ur' : 'en';
  } catch {
    // Storage can be blocked (private windows, strict settings): English, without remembering.
    return 'en';
  }
}

/** `<html lang dir>` follow the language, for screen readers, the Nastaliq font and the page's direction. */
function applyToDocument(language: string) {
  const urdu = language === 'ur';
  document.documentElement.lang = urdu ? 'ur' : 'en';
  document.documentElement.dir = urdu ? 'rtl' : 'ltr';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ur: { translation: ur } },
  lng: remembered(),
  fallbackLng: 'en',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});
applyToDocument(i18n.language);

i18n.on('languageChanged', (language) => {
  applyToDocument(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the choice still holds until the page is closed.
  }
});

/** The hook every screen translates with; importing it from here loads the tables first, in tests too. */
export { useTranslation } from 'react-i18next';
