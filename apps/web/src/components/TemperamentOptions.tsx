import { type Temperament, temperaments } from '@unani/contracts';
import { useTranslation } from '../i18n/i18n.ts';

/** The options of a Mizaj select: "not assessed" and the four temperaments, in the interface language. */
/** `only`: a subset of the temperaments to offer; `noneLabel`: the empty choice (default "Not assessed"). */
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
