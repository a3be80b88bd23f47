import { useEffect } from 'react';

/** Sets the page's language and direction (for screen readers, fonts and printing), restoring them on leaving. */
export function useDocumentLanguage(lang: string, dir: 'ltr' | 'rtl') {
  useEffect(() => {
    const root = document.documentElement;
    const before = { lang: root.lang, dir: root.dir };
    root.lang = lang;
    root.dir = dir;
    return () => {
      root.lang = before.lang;
      root.dir = before.dir;
    };
  }, [lang, dir]);
}
