// The triage comes first on the visit screen: how soon the patient needs care, why, and what to do — an alert for
// emergency and urgent, a plain status otherwise. The advice is shown in the interface language.
import type { Triage } from '@unani/contracts';
import { useTranslation } from '../i18n/i18n.ts';

export function TriageBanner({ triage }: { triage: Triage }) {
  const { t, i18n } = useTranslation();
  const serious = triage.level === 'emergency' || triage.level === 'urgent';
  const urdu = i18n.language === 'ur';
  const advice = urdu && triage.adviceUrdu ? triage.adviceUrdu : triage.advice;
  return (
    <section
      className={`triage triage-${triage.level}`}
      role={serious ? 'alert' : 'status'}
      aria-labelledby="triage-heading"
    >
      <h2 id="triage-heading">
        {t('triage.heading')}: {t(`triage.level.${triage.level}`)}
      </h2>
      {advice && <p lang={urdu && triage.adviceUrdu ? 'ur' : 'en'}>{advice}</p>}
      {triage.reasons.length > 0 && (
        <div>
          <strong>{t('triage.why')}:</strong>
          <ul lang="en">
            {triage.reasons.map((r) => (
              <li key={r.code}>{r.text}</li>
            ))}
          </ul>
        </div>
      )}
      {triage.ask.length > 0 && (
        <div>
          <strong>{t('triage.ask')}:</strong>
          <ul lang="en">
            {triage.ask.map((a) => (
              <li key={a.field}>{a.reason}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
