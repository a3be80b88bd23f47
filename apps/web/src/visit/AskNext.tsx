// The questions that would best separate the diagnoses, answered in one click.
import type { Analysis } from '@unani/contracts';

interface Props {
  questions: Analysis['nextQuestions'];
  onAnswer: (symptom: string, name: string, present: boolean) => void;
  busy: boolean;
}

export function AskNext({ questions, onAnswer, busy }: Props) {
  if (questions.length === 0) return null;
  return (
    <section aria-label="Ask next" className="card">
      <h2>Ask next</h2>
      <ul className="list">
        {questions.map((q) => (
          <li key={q.symptom}>
            <div>
              <span>
                <strong>{q.name}?</strong> <span className="muted">{q.reason}</span>
              </span>
              <span className="row">
                <button
                  type="button"
                  className="small"
                  aria-label={`Yes: ${q.name}`}
                  disabled={busy}
                  onClick={() => onAnswer(q.symptom, q.name, true)}
                >
                  Yes
                </button>
                <button
                  type="button"
                  className="small"
                  aria-label={`No: ${q.name}`}
                  disabled={busy}
                  onClick={() => onAnswer(q.symptom, q.name, false)}
                >
                  No
                </button>
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
