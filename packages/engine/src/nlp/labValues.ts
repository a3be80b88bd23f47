// Laboratory values a note gives in register form that amount to a finding no word names: "Hb 7.1", "Hb: 6.8 g/dl",
// "haemoglobin 74 g/L", "ہیموگلوبن 7", "MCV 71", "ferritin 6", "platelets 18000", "Plt 35k". They are read here,
// beside the vital signs, because the patient record has no field for them; the findings go to the rules like any
// other.
import type { Finding } from '../types.ts';
import type { Lexicon } from './lexicon.ts';

/**
 * Severe anaemia: haemoglobin below 8 g/dL in adults and older children, below 7 g/dL in pregnancy and in children
 * under five (WHO 2011). Below 8 is read as the finding, below 7 graded severe.
 */
export const SEVERE_ANAEMIA_HB = 8;
export const VERY_LOW_HB = 7;
/**
 * Iron-deficiency anaemia: haemoglobin below 12 g/dL (the WHO 2011 threshold for non-pregnant women; men's is 13, but a
 * note may not say the sex) with small red cells (MCV below 80 fL) or depleted iron stores (ferritin below 15 µg/L,
 * WHO 2020).
 */
export const ANAEMIA_HB = 12;
export const MICROCYTIC_MCV = 80;
export const LOW_FERRITIN = 15;
/**
 * A low platelet count: below 100,000 per µL (thrombocytopenia; in dengue a falling count is a warning sign, WHO
 * 2009), graded severe below 20,000.
 */
export const LOW_PLATELETS = 100_000;
export const VERY_LOW_PLATELETS = 20_000;
/** A value this large is in g/L (74 g/L is 7.4 g/dL). */
const GRAMS_PER_LITRE_FROM = 30;

const HB_PATTERN =
  /(?:\b(?:hb|hgb|haemoglobin|hemoglobin|heamoglobin)|ہیموگلوبن|ہیمو گلوبن|ہیموگلوبین)\s*(?:level\s*)?(?:of|is|was|:|=|-|–)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*(g\s*\/\s*l|gm?\s*\/\s*dl|gm?\s*%|g\/?dl|gm?)?(?![\d.])/giu;

const MCV_PATTERN = /\bmcv\s*(?:of|is|was|:|=|-|–)?\s*(\d{2,3}(?:\.\d)?)(?![\d.])/giu;
const FERRITIN_PATTERN = /\b(?:s\.?\s*)?ferritin\s*(?:of|is|was|:|=|-|–)?\s*(\d{1,4}(?:\.\d)?)(?![\d.])/giu;

// "platelets 18000", "plt: 38,000", "platelet count 35k", "platelets 0.8 lakh", "Plt 45" (thousands per µL).
const PLATELET_PATTERN =
  /\b(?:platelets?|plts?|platelet\s+count)\s*(?:count\s*)?(?:of|is|was|:|=|-|–)?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|thousand|lakhs?|lacs?)?(?![\d.])/giu;

export interface LabReadings {
  findings: Finding[];
  /** Where each value was read, past its threshold or not, so its number is not taken as a duration. */
  spans: Array<[number, number]>;
}

/** Findings from laboratory values in `text`, and the spans read. */
export function readLabValues(text: string, lexicon: Lexicon): LabReadings {
  const hb = firstHaemoglobin(text);
  const mcv = firstValue(text, MCV_PATTERN);
  const ferritin = firstValue(text, FERRITIN_PATTERN);
  const platelets = firstPlateletCount(text);
  const spans = [hb, mcv, ferritin, platelets].flatMap((v) => (v ? [v.span] : []));
  const findings: Finding[] = [];
  const lowPlatelets = lexicon.symptoms.find((s) => s.code === 'low-platelet-count');
  if (lowPlatelets && platelets && platelets.value < LOW_PLATELETS) {
    findings.push(finding(lowPlatelets, platelets.span, platelets.value < VERY_LOW_PLATELETS ? 'severe' : 'moderate'));
  }
  if (!hb) return { findings, spans };
  const severe = lexicon.symptoms.find((s) => s.code === 'severe-anaemia');
  if (severe && hb.value < SEVERE_ANAEMIA_HB) {
    findings.push(finding(severe, hb.span, hb.value < VERY_LOW_HB ? 'severe' : 'moderate'));
  }
  const ironDeficiency = lexicon.symptoms.find((s) => s.code === 'iron-deficiency-anaemia');
  const lowIron = (mcv && mcv.value < MICROCYTIC_MCV) || (ferritin && ferritin.value < LOW_FERRITIN);
  if (ironDeficiency && hb.value < ANAEMIA_HB && lowIron) findings.push(finding(ironDeficiency, hb.span));
  return { findings, spans };
}

interface Value {
  value: number;
  span: [number, number];
}

/** The first plausible haemoglobin in g/dL. */
function firstHaemoglobin(text: string): Value | undefined {
  HB_PATTERN.lastIndex = 0;
  for (const m of text.matchAll(HB_PATTERN)) {
    let value = Number(m[1]);
    const unit = (m[2] ?? '').replace(/\s+/g, '').toLowerCase();
    if (unit === 'g/l' || (unit === '' && value >= GRAMS_PER_LITRE_FROM)) value /= 10;
    if (!Number.isFinite(value) || value < 2 || value > 25) continue;
    return { value, span: [m.index, m.index + m[0].length] };
  }
  return undefined;
}

/** The first platelet count, per µL. */
function firstPlateletCount(text: string): Value | undefined {
  const m = firstMatch(text, PLATELET_PATTERN);
  if (!m) return undefined;
  const number = Number((m[1] as string).replace(/,/g, ''));
  const unit = (m[2] ?? '').toLowerCase();
  const perMicrolitre = unit.startsWith('la')
    ? number * 100_000
    : unit === 'k' || unit === 'thousand' || number < 1000
      ? number * 1000
      : number;
  if (!Number.isFinite(perMicrolitre) || perMicrolitre <= 0) return undefined;
  return { value: perMicrolitre, span: [m.index, m.index + m[0].length] };
}

function firstValue(text: string, pattern: RegExp): Value | undefined {
  const m = firstMatch(text, pattern);
  return m ? { value: Number(m[1]), span: [m.index, m.index + m[0].length] } : undefined;
}

/** The first match of a global pattern, leaving the pattern ready for the next text. */
function firstMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  pattern.lastIndex = 0;
  return m;
}

function finding(symptom: { code: string; name: string }, span: [number, number], severity?: Finding['severity']) {
  const read: Finding = { symptom: symptom.code, name: symptom.name, present: true, span };
  if (severity) read.severity = severity;
  return read;
}
