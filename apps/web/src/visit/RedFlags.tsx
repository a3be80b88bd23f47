// Red flags come before everything else: an alert that names the danger and how urgent it is.
import type { Analysis } from '@unani/contracts';

const urgencyLabels = { emergency: 'Emergency', urgent: 'Urgent' } as const;

export function RedFlags({ flags }: { flags: Analysis['redFlags'] }) {
  if (flags.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <strong>Red flag{flags.length > 1 ? 's' : ''}</strong>
      <ul>
        {flags.map((f) => (
          <li key={f.code}>
            <strong>{urgencyLabels[f.urgency]}:</strong> {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
