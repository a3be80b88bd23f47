import { useTranslation } from '../i18n/i18n.ts';

/** The notice every screen with engine output carries. */
export function Advisory() {
  const { t } = useTranslation();
  return <p className="disclaimer">{t('common.advisory')}</p>;
}
