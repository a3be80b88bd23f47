// Vital signs as findings: a measured value past a published threshold becomes the finding the rules and the
// differential reason with (temperature 39.5 °C is high fever; BP 190/120 is very high blood pressure, severe).
import type { Severity } from '@unani/contracts';
import { graver, symptomNames } from '../knowledge/hierarchy.ts';
import type { EngineKnowledge, Finding, PatientContext } from '../types.ts';

/** Fever from 38.0 °C (NICE NG143); high fever from 39.0 °C (NICE NG143 amber/red thresholds for children). */
export const FEVER_C = 38;
export const HIGH_FEVER_C = 39;
/** Below 35.5 °C a young infant is hypothermic (WHO IMNCI). */
export const LOW_TEMPERATURE_C = 35.5;
/** Raised from 140/90; severe from 160/110 in pregnancy (NICE NG133); very high from 180/120 (NICE NG136). */
export const RAISED_BP: [number, number] = [140, 90];
export const SEVERE_PREGNANCY_BP: [number, number] = [160, 110];
export const VERY_HIGH_BP: [number, number] = [180, 120];
/** Systolic 90 or below is a high-risk sign of sepsis and shock (NICE NG51). */
export const LOW_SYSTOLIC = 90;
/** SpO₂ below 92 % on air needs emergency care (BTS/SIGN asthma, NICE NG51); 92–94 % is low. */
export const LOW_SPO2 = 95;
export const CRITICAL_SPO2 = 92;
/** Hypoglycaemia below 70 mg/dL (3.9 mmol/L), severe below 54 (ADA); hyperglycaemia from 250 mg/dL (ADA DKA). */
export const LOW_SUGAR = 70;
export const SEVERE_LOW_SUGAR = 54;
export const HIGH_SUGAR = 250;

/**
 * An adult pulse under 50 a minute is slow, under 40 severely so (Resuscitation Council UK 2021 bradycardia algorithm:
 * with syncope, shock, ischaemia or heart failure it needs treatment at once). A child's normal rate is higher and
 * varies with age, so a child's slow pulse is not graded here.
 */
export const SLOW_PULSE = 50;
export const SEVERE_SLOW_PULSE = 40;
const SLOW_PULSE_MIN_AGE_YEARS = 12;

/** Fast breathing by age (WHO IMCI for children under 5; NICE NG51 adult high risk ≥ 25/min). */
function fastBreathing(ageYears: number | undefined): { fast: number; severe: number } {
  if (ageYears === undefined || ageYears >= 12) return { fast: 21, severe: 25 };
  if (ageYears < 2 / 12) return { fast: 60, severe: 70 };
  if (ageYears < 1) return { fast: 50, severe: 60 };
  if (ageYears < 5) return { fast: 40, severe: 50 };
  return { fast: 30, severe: 35 };
}

/** A fast heart rate by age (NICE NG51 high-risk thresholds: adult > 130, 5–11 y > 130, 1–4 y > 150, < 1 y > 160). */
function fastPulse(ageYears: number | undefined): { fast: number; severe: number } {
  if (ageYears === undefined || ageYears >= 12) return { fast: 101, severe: 131 };
  if (ageYears < 1) return { fast: 161, severe: 171 };
  if (ageYears < 5) return { fast: 141, severe: 151 };
  return { fast: 121, severe: 131 };
}

interface Reading {
  symptom: string;
  severity: Severity;
}

function readings(context: PatientContext): Reading[] {
  const v = context.vitals;
  if (!v) return [];
  const out: Reading[] = [];
  const age = context.ageYears;
  if (v.temperatureC !== undefined) {
    if (v.temperatureC >= HIGH_FEVER_C) out.push({ symptom: 'high-fever', severity: 'severe' });
    else if (v.temperatureC >= FEVER_C) out.push({ symptom: 'fever', severity: 'moderate' });
    else if (v.temperatureC < LOW_TEMPERATURE_C) out.push({ symptom: 'low-body-temperature', severity: 'severe' });
  }
  if (v.systolic !== undefined && v.diastolic !== undefined) {
    const atLeast = ([s, d]: [number, number]) => (v.systolic as number) >= s || (v.diastolic as number) >= d;
    if (atLeast(VERY_HIGH_BP)) out.push({ symptom: 'very-high-blood-pressure', severity: 'severe' });
    else if (context.pregnant && atLeast(SEVERE_PREGNANCY_BP))
      out.push({ symptom: 'raised-blood-pressure', severity: 'severe' });
    else if (atLeast(RAISED_BP)) out.push({ symptom: 'raised-blood-pressure', severity: 'moderate' });
    else if (v.systolic <= LOW_SYSTOLIC) out.push({ symptom: 'low-blood-pressure', severity: 'severe' });
  }
  if (v.pulse !== undefined) {
    const { fast, severe } = fastPulse(age);
    if (v.pulse >= severe) out.push({ symptom: 'fast-heart-rate', severity: 'severe' });
    else if (v.pulse >= fast) out.push({ symptom: 'fast-heart-rate', severity: 'moderate' });
    else if (v.pulse < SLOW_PULSE && (age === undefined || age >= SLOW_PULSE_MIN_AGE_YEARS))
      out.push({ symptom: 'slow-heart-rate', severity: v.pulse < SEVERE_SLOW_PULSE ? 'severe' : 'moderate' });
  }
  if (v.respiratoryRate !== undefined) {
    const { fast, severe } = fastBreathing(age);
    if (v.respiratoryRate >= severe) out.push({ symptom: 'rapid-breathing', severity: 'severe' });
    else if (v.respiratoryRate >= fast) out.push({ symptom: 'rapid-breathing', severity: 'moderate' });
  }
  if (v.spo2 !== undefined && v.spo2 < LOW_SPO2)
    out.push({ symptom: 'low-oxygen-saturation', severity: v.spo2 < CRITICAL_SPO2 ? 'severe' : 'moderate' });
  if (v.bloodSugarMgDl !== undefined) {
    if (v.bloodSugarMgDl < LOW_SUGAR)
      out.push({ symptom: 'low-blood-sugar', severity: v.bloodSugarMgDl < SEVERE_LOW_SUGAR ? 'severe' : 'moderate' });
    else if (v.bloodSugarMgDl >= HIGH_SUGAR) out.push({ symptom: 'high-blood-sugar', severity: 'severe' });
  }
  return out;
}

/**
 * The findings that the context's vital signs amount to, for symptoms the knowledge base holds. A finding already
 * stated takes the measurement: present, graded at least as the value says (a typed "mild fever" at 39.6 °C is
 * severe).
 */
export function withVitalFindings(
  findings: readonly Finding[],
  context: PatientContext,
  knowledge: EngineKnowledge,
): Finding[] {
  const names = symptomNames(knowledge);
  const out = findings.map((f) => ({ ...f }));
  for (const r of readings(context)) {
    const name = names.get(r.symptom);
    if (name === undefined) continue;
    const stated = out.find((f) => f.symptom === r.symptom);
    if (!stated) {
      out.push({ symptom: r.symptom, name, present: true, severity: r.severity });
      continue;
    }
    // A measurement outranks the words: "no fever" typed beside 39.5 °C is a fever.
    stated.present = true;
    delete stated.uncertain;
    stated.severity = graver(stated.severity, r.severity);
  }
  return out;
}
