import { type Temperament, temperaments } from '@unani/contracts';
import { useTranslation } from '../i18n/i18n.ts';

/**
 * The options of a Mizaj select in the interface language: the empty choice (`noneLabel`, default "Not assessed") and
 * the four temperaments, or only those in `only`.
 */
export function TemperamentOptions({ only, noneLabel }: { only?: readonly Temperament[]; noneLabel?: string } = {}) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{noneLabel ?? t('common.notAssessed')}</option>
      {(only ?? temperaments).map((m) => (
        <option key={m} value={m}>
          {t(`vocabulary.temperament.${m}`)}
        </option>
      ))}
    </>
  );
}
