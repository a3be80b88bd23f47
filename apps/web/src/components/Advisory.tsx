import { useTranslation } from 'react-i18next';

/** The notice every screen with engine output carries. */
export function Advisory() {
  const { t } = useTranslation();
  return <p className="disclaimer">{t('common.advisory')}</p>;
}
