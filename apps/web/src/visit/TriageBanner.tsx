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
      <Lines title={t('triage.why')} lines={triage.reasons.map((r) => [r.code, r.text])} />
      <Lines title={t('triage.ask')} lines={triage.ask.map((a) => [a.field, a.reason])} />
    </section>
  );
}

/** A titled list of the engine's English sentences, or nothing when there are none. */
function Lines({ title, lines }: { title: string; lines: Array<[key: string, text: string]> }) {
  if (lines.length === 0) return null;
  return (
    <div>
      <strong>{title}:</strong>
      <ul lang="en" dir="ltr">
        {lines.map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
      </ul>
    </div>
  );
}
