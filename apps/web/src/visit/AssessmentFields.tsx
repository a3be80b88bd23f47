// The Unani assessment of the visit: Mizaj (temperament) and the Nabz (pulse) notes.
import type { Temperament } from '@unani/contracts';
import { TemperamentOptions } from '../components/TemperamentOptions.tsx';
import { useTranslation } from '../i18n/i18n.ts';

interface Props {
  temperament: Temperament | '';
  onTemperament: (t: Temperament | '') => void;
  nabzNotes: string;
  onNabzNotes: (text: string) => void;
}

export function AssessmentFields({ temperament, onTemperament, nabzNotes, onNabzNotes }: Props) {
  const { t } = useTranslation();
  return (
    <div className="grid-2">
      <label>
        {t('assessment.mizaj')}
        <select value={temperament} onChange={(e) => onTemperament(e.target.value as Temperament | '')}>
          <TemperamentOptions />
        </select>
      </label>
      <label>
        {t('assessment.nabz')}
        <textarea className="short" dir="auto" value={nabzNotes} onChange={(e) => onNabzNotes(e.target.value)} />
      </label>
    </div>
  );
}
