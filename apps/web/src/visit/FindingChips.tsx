// The findings as chips: present, absent ("No …") or uncertain, with duration and severity, each removable.
import { useTranslation } from '../i18n/i18n.ts';
import { type DraftFinding, durationLabel } from './findings.ts';

export function FindingChips({
  findings,
  onRemove,
  urduNames,
}: {
  findings: DraftFinding[];
  onRemove: (f: DraftFinding) => void;
  /** Symptom code → Urdu name, in the Urdu interface: shown first, the English name beside it. */
  urduNames?: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="chips" aria-label={t('findings.list')}>
        {findings.map((f, i) => (
          <li
            key={`${f.symptom}-${i}`}
            className={`chip${f.present ? '' : ' absent'}${f.uncertain ? ' uncertain' : ''}`}
            title={t(`findings.origin.${f.origin}`)}
          >
            {!f.present && <span className="chip-no">{t('findings.no')}</span>}
            {urduNames?.[f.symptom] && (
              <span className="chip-name" lang="ur">
                {urduNames[f.symptom]}
              </span>
            )}
            <span className={urduNames?.[f.symptom] ? 'chip-note' : 'chip-name'} lang="en" dir="ltr">
              {f.name}
            </span>
            {f.uncertain && <span className="chip-note">{t('findings.possible')}</span>}
            {f.durationDays !== undefined && (
              <span className="chip-note">
                · {durationLabel(f.durationDays, (unit, n) => t(`vocabulary.duration.${unit}`, { n }))}
              </span>
            )}
            {f.severity && <span className="chip-note">· {t(`vocabulary.severity.${f.severity}`)}</span>}
            <button type="button" aria-label={t('findings.remove', { name: f.name })} onClick={() => onRemove(f)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {findings.length === 0 && <p className="muted">{t('findings.empty')}</p>}
    </>
  );
}
