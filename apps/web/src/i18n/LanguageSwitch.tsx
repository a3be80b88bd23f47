// English or اردو, in the top bar and on the sign-in page.
import { useTranslation } from './i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  // Named in both languages, so whoever cannot read the current one still finds the way back.
  return (
    <select
      className="language-switch"
      aria-label={t('language.label')}
      value={i18n.resolvedLanguage === 'ur' ? 'ur' : 'en'}
      onChange={(e) => void i18n.changeLanguage(e.target.value)}
    >
      <option value="en" lang="en">
        {t('language.english')}
      </option>
      <option value="ur" lang="ur">
        {t('language.urdu')}
      </option>
    </select>
  );
}
