// The Unani assessment of the visit: Mizaj (temperament) and the Nabz (pulse) notes.
import { type Temperament, temperaments } from '@unani/contracts';
import { temperamentLabels } from '../components/labels.ts';

interface Props {
  temperament: Temperament | '';
  onTemperament: (t: Temperament | '') => void;
  nabzNotes: string;
  onNabzNotes: (text: string) => void;
}

export function AssessmentFields({ temperament, onTemperament, nabzNotes, onNabzNotes }: Props) {
  return (
    <div className="grid-2">
      <label>
        Mizaj (temperament)
        <select value={temperament} onChange={(e) => onTemperament(e.target.value as Temperament | '')}>
          <option value="">Not assessed</option>
          {temperaments.map((t) => (
            <option key={t} value={t}>
              {temperamentLabels[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Nabz (pulse) notes
        <textarea className="short" value={nabzNotes} onChange={(e) => onNabzNotes(e.target.value)} />
      </label>
    </div>
  );
}
