// The questions that would best separate the diagnoses, answered in one click.
import type { Analysis } from '@unani/contracts';
import { En, SLOT, WithEnglish } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';

interface Props {
  questions: Analysis['nextQuestions'];
  onAnswer: (symptom: string, name: string, present: boolean) => void;
  busy: boolean;
}

export function AskNext({ questions, onAnswer, busy }: Props) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <section aria-label={t('askNext.heading')} className="card">
      <h2>{t('askNext.heading')}</h2>
      <ul className="list">
        {questions.map((q) => (
          <li key={q.symptom}>
            <div>
              <span>
                <strong>
                  <WithEnglish text={t('askNext.question', { name: SLOT })} english={q.name} />
                </strong>{' '}
                <span className="muted">
                  <En>{q.reason}</En>
                </span>
              </span>
              <span className="row">
                <button
                  type="button"
                  className="small"
                  aria-label={t('askNext.yesLabel', { name: q.name })}
                  disabled={busy}
                  onClick={() => onAnswer(q.symptom, q.name, true)}
                >
                  {t('askNext.yes')}
                </button>
                <button
                  type="button"
                  className="small"
                  aria-label={t('askNext.noLabel', { name: q.name })}
                  disabled={busy}
                  onClick={() => onAnswer(q.symptom, q.name, false)}
                >
                  {t('askNext.no')}
                </button>
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
