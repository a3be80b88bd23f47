// Vital signs as the practitioner types them (text, so a half-typed value stays as typed) and as the API takes them.
// A value outside what a living patient can have is not sent, so one slip never stops the visit from saving.
import { VisitVitals } from '@unani/contracts';

export const VITAL_FIELDS = [
  'temperature',
  'systolic',
  'diastolic',
  'pulse',
  'respiratoryRate',
  'spo2',
  'bloodSugarMgDl',
  'weightKg',
  'heightCm',
] as const;
export type VitalField = (typeof VITAL_FIELDS)[number];

/** Typed vital signs; `temperatureUnit` is F (most clinic thermometers here) or C. */
export type VitalsText = Partial<Record<VitalField, string>> & { temperatureUnit?: 'F' | 'C' };

const WHOLE: ReadonlySet<VitalField> = new Set(['systolic', 'diastolic', 'pulse', 'respiratoryRate']);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The API field and value of one typed vital sign, or undefined when empty; `valid` false when impossible. */
function read(
  field: VitalField,
  text: string | undefined,
  unit: 'F' | 'C',
): { key: string; value: number; valid: boolean } | undefined {
  const trimmed = text?.trim().replace(',', '.') ?? '';
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  const key = field === 'temperature' ? 'temperatureC' : field;
  if (!Number.isFinite(number)) return { key, value: Number.NaN, valid: false };
  const value =
    field === 'temperature'
      ? round1(unit === 'F' ? ((number - 32) * 5) / 9 : number)
      : WHOLE.has(field)
        ? Math.round(number)
        : number;
  const schema = VisitVitals.shape[key as keyof typeof VisitVitals.shape];
  return { key, value, valid: schema.safeParse(value).success };
}

/** The fields typed with an impossible value: shown as such, and not sent. */
export function invalidVitals(text: VitalsText): Set<VitalField> {
  const unit = text.temperatureUnit ?? 'F';
  return new Set(VITAL_FIELDS.filter((f) => read(f, text[f], unit)?.valid === false));
}

/** The API's vital signs for what is typed; null when nothing valid is. */
export function toVisitVitals(text: VitalsText): VisitVitals | null {
  const unit = text.temperatureUnit ?? 'F';
  const out: Record<string, number> = {};
  for (const field of VITAL_FIELDS) {
    const r = read(field, text[field], unit);
    if (r?.valid) out[r.key] = r.value;
  }
  return Object.keys(out).length > 0 ? (out as VisitVitals) : null;
}

/** The stored vital signs as text, the temperature in °F. */
export function vitalsText(vitals: VisitVitals | null): VitalsText {
  if (!vitals) return {};
  const out: VitalsText = {};
  for (const field of VITAL_FIELDS) {
    const value = field === 'temperature' ? vitals.temperatureC : vitals[field];
    if (value === undefined) continue;
    out[field] = String(field === 'temperature' ? round1((value * 9) / 5 + 32) : value);
  }
  return out;
}
