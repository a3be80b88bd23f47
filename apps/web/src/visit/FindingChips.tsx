// The findings as chips: present, absent ("No …") or uncertain, with duration and severity, each removable.
import { type DraftFinding, durationLabel } from './findings.ts';

const originLabels: Record<DraftFinding['origin'], string> = {
  text: 'from the complaint',
  picked: 'added',
  question: 'answered',
};

export function FindingChips({
  findings,
  onRemove,
}: {
  findings: DraftFinding[];
  onRemove: (f: DraftFinding) => void;
}) {
  return (
    <>
      <ul className="chips" aria-label="Findings">
        {findings.map((f, i) => (
          <li
            key={`${f.symptom}-${i}`}
            className={`chip${f.present ? '' : ' absent'}${f.uncertain ? ' uncertain' : ''}`}
            title={originLabels[f.origin]}
          >
            {!f.present && <span className="chip-no">No </span>}
            <span className="chip-name">{f.name}</span>
            {f.uncertain && <span className="chip-note">(possible)</span>}
            {f.durationDays !== undefined && <span className="chip-note">· {durationLabel(f.durationDays)}</span>}
            {f.severity && <span className="chip-note">· {f.severity}</span>}
            <button type="button" aria-label={`Remove ${f.name}`} onClick={() => onRemove(f)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {findings.length === 0 && (
        <p className="muted">No findings yet: describe the complaint above or add a finding below.</p>
      )}
    </>
  );
}
