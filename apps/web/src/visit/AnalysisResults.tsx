// The engine's answer: differential, a warning when nothing stands out, too little is known or nothing in the
// knowledge base fits, next questions (the triage and red flags above it are the visit's live ones:
// visit/LiveSafety.tsx).
import type { Analysis, UrduNames } from '@unani/contracts';
import { Advisory } from '../components/Advisory.tsx';
import { SLOT, WithEnglish } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { AskNext } from './AskNext.tsx';
import { DifferentialList } from './DifferentialList.tsx';

interface Props {
  analysis: Analysis;
  onConfirm: (code: string) => void;
  confirming: boolean;
  confirmedCode: string | undefined;
  onAnswer: (symptom: string, name: string, present: boolean) => void;
  busy: boolean;
  /** The knowledge base's Urdu names, in the Urdu interface. */
  urduNames?: UrduNames;
}

export function AnalysisResults({ analysis, onConfirm, confirming, confirmedCode, onAnswer, busy, urduNames }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('analysis.heading')}</h2>
      {analysis.outsideKnowledge && (
        <p className="warning" role="status">
          {t('analysis.outsideKnowledge')}
        </p>
      )}
      {analysis.incomplete && <p className="warning">{t('analysis.incomplete')}</p>}
      {analysis.flat && <p className="warning">{t('analysis.flat')}</p>}
      <DifferentialList
        entries={analysis.differential}
        onConfirm={onConfirm}
        confirming={confirming}
        confirmedCode={confirmedCode}
        urduNames={urduNames?.diseases}
      />
      {analysis.explanation.length > 0 && (
        <details className="muted small">
          <summary>{t('analysis.details')}</summary>
          <ul lang="en" dir="ltr">
            {analysis.explanation.map((line, i) => (
              <li key={`${i}-${line}`}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      <AskNext questions={analysis.nextQuestions} onAnswer={onAnswer} busy={busy} />
      <p className="muted small">
        <WithEnglish text={t('analysis.model', { version: SLOT })} english={analysis.modelVersion} />
      </p>
      <Advisory />
    </section>
  );
}
