import { temperaments } from '@unani/contracts';
import { useTranslation } from '../i18n/i18n.ts';

/** The options of a Mizaj select: "not assessed" and the four temperaments, in the interface language. */
export function TemperamentOptions() {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('common.notAssessed')}</option>
      {temperaments.map((m) => (
        <option key={m} value={m}>
          {t(`vocabulary.temperament.${m}`)}
        </option>
      ))}
    </>
  );
}
