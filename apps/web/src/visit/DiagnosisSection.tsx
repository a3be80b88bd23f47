// The practitioner's decision: the confirmed diagnosis, and a way to confirm one the engine did not suggest.
import type { EncounterView } from '@unani/contracts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ConfirmOther } from './ConfirmOther.tsx';

interface Props {
  diagnosis: EncounterView['diagnosis'];
  onConfirm: (code: string) => void;
  busy: boolean;
  error: unknown;
}

export function DiagnosisSection({ diagnosis, onConfirm, busy, error }: Props) {
  return (
    <section aria-labelledby="diagnosis-heading" className="card">
      <h2 id="diagnosis-heading">Diagnosis</h2>
      {diagnosis ? (
        <p>
          Confirmed: <strong>{diagnosis.disease.name}</strong> ({diagnosis.disease.englishName}){' '}
          <span className="muted">
            · {diagnosis.fromSuggestion ? 'from the suggestions' : 'chosen by the practitioner'} ·{' '}
            {new Date(diagnosis.confirmedAt).toLocaleString()}
          </span>
        </p>
      ) : (
        <p className="muted">Not confirmed yet: confirm one of the suggestions, or search below.</p>
      )}
      {busy && <p className="muted">Confirming…</p>}
      <ErrorMessage error={error} />
      <ConfirmOther onConfirm={onConfirm} busy={busy} />
    </section>
  );
}
