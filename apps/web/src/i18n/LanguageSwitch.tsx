// English or اردو, in the top bar and on the sign-in page.
import { useTranslation } from './i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  // Named by its title rather than a <label>: the visit screen's field for the shared note's language is
  // labelled "Language", and one label should find one field.
  return (
    <select
      className="language-switch"
      title={t('language.label')}
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
