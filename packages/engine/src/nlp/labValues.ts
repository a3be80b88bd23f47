// Laboratory values a note gives in register form that amount to a finding no word names: "Hb 7.1", "Hb: 6.8 g/dl",
// "haemoglobin 74 g/L", "ہیموگلوبن 7". They are read here, beside the vital signs, because the patient record has no
// field for them; the finding goes to the rules like any other.
import type { Finding } from '../types.ts';
import type { Lexicon } from './lexicon.ts';

/**
 * Severe anaemia: haemoglobin below 8 g/dL in adults and older children, below 7 g/dL in pregnancy and in children
 * under five (WHO 2011). Below 8 is read as the finding, below 7 graded severe.
 */
export const SEVERE_ANAEMIA_HB = 8;
export const VERY_LOW_HB = 7;
/** A value this large is in g/L (74 g/L is 7.4 g/dL). */
const GRAMS_PER_LITRE_FROM = 30;

const HB_PATTERN =
  /(?:\b(?:hb|hgb|haemoglobin|hemoglobin|heamoglobin)|ہیموگلوبن|ہیمو گلوبن|ہیموگلوبین)\s*(?:level\s*)?(?:of|is|was|:|=|-|–)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*(g\s*\/\s*l|gm?\s*\/\s*dl|gm?\s*%|g\/?dl|gm?)?(?![\d.])/giu;

export interface LabReading {
  finding: Finding;
  span: [number, number];
}

/** Findings from laboratory values in `text`, with the spans read (so their numbers are not taken as durations). */
export function readLabValues(text: string, lexicon: Lexicon): LabReading[] {
  const symptom = lexicon.symptoms.find((s) => s.code === 'severe-anaemia');
  if (!symptom) return [];
  HB_PATTERN.lastIndex = 0;
  for (const m of text.matchAll(HB_PATTERN)) {
    let value = Number(m[1]);
    const unit = (m[2] ?? '').replace(/\s+/g, '').toLowerCase();
    if (unit === 'g/l' || (unit === '' && value >= GRAMS_PER_LITRE_FROM)) value /= 10;
    if (!Number.isFinite(value) || value < 2 || value > 25) continue;
    const span: [number, number] = [m.index, m.index + m[0].length];
    if (value >= SEVERE_ANAEMIA_HB) return [];
    return [
      {
        finding: {
          symptom: symptom.code,
          name: symptom.name,
          present: true,
          severity: value < VERY_LOW_HB ? 'severe' : 'moderate',
          span,
        },
        span,
      },
    ];
  }
  return [];
}
