// The differential: each disease with its probability, why, and a button to confirm it.
import type { DifferentialEntry } from '@unani/contracts';

const MAX_SHOWN = 10;

function percent(p: number): string {
  return p < 0.01 ? '<1%' : `${Math.round(p * 100)}%`;
}

function names(list: { name: string }[]): string {
  return list.length ? list.map((s) => s.name).join(', ') : 'none';
}

interface Props {
  entries: DifferentialEntry[];
  onConfirm: (code: string) => void;
  confirming: boolean;
  confirmedCode: string | undefined;
}

export function DifferentialList({ entries, onConfirm, confirming, confirmedCode }: Props) {
  if (entries.length === 0) return <p className="muted">No disease of the knowledge base fits these findings.</p>;
  return (
    <ol className="differential" aria-label="Differential diagnosis">
      {entries.slice(0, MAX_SHOWN).map((e) => {
        const label = `${e.disease.name} (${e.disease.englishName})`;
        return (
          <li key={e.disease.code} className="card">
            <div className="row spread">
              <span>
                <strong>{e.disease.name}</strong> <span className="muted">{e.disease.englishName}</span>
              </span>
              <span className="row">
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(e.probability * 100)}%` }} />
                </span>
                <span className="percent">{percent(e.probability)}</span>
                {confirmedCode === e.disease.code ? (
                  <span className="confirmed">Confirmed</span>
                ) : (
                  <button
                    type="button"
                    className="small"
                    aria-label={`Confirm ${label}`}
                    disabled={confirming}
                    onClick={() => onConfirm(e.disease.code)}
                  >
                    Confirm
                  </button>
                )}
              </span>
            </div>
            <details>
              <summary>Why {e.disease.name}</summary>
              <dl className="evidence">
                <dt>Supporting</dt>
                <dd>{names(e.supporting)}</dd>
                <dt>Expected but not reported</dt>
                <dd>{names(e.missing)}</dd>
                <dt>Against</dt>
                <dd>{names(e.against)}</dd>
              </dl>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
