// Findings read from Observations another system sends (the CDS Hooks prefetch): only those about the
// given patient, coded in our symptoms CodeSystem or in SNOMED CT / WHO ICD-10 codes the finding code map knows,
// with a yes/no answer. Anything else is ignored.
import type { Finding } from '@unani/engine';
import { z } from 'zod';
import { codingKey, type FindingCodeMap } from './findingCodeMap.ts';
import { OBSERVATION_INTERPRETATION_SYSTEM, SYMPTOMS_SYSTEM } from './systems.ts';

/** The symptoms the engine knows, by code. */
export interface SymptomVocabulary {
  symptomName(code: string): string | undefined;
}

const CodingIn = z.looseObject({ system: z.string().optional(), code: z.string().optional() });

const ObservationIn = z.looseObject({
  resourceType: z.literal('Observation'),
  status: z.string().optional(),
  code: z.looseObject({ coding: z.array(CodingIn).optional() }),
  subject: z.looseObject({ reference: z.string().optional() }).optional(),
  effectiveDateTime: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  interpretation: z.array(z.looseObject({ coding: z.array(CodingIn).optional() })).optional(),
});
type ObservationIn = z.infer<typeof ObservationIn>;

/** Statuses under which an Observation says nothing about the patient. */
const VOID_STATUSES = new Set(['entered-in-error', 'cancelled']);

function presence(o: ObservationIn): boolean | undefined {
  if (o.valueBoolean !== undefined) return o.valueBoolean;
  const codes = (o.interpretation ?? [])
    .flatMap((i) => i.coding ?? [])
    .filter((c) => c.system === OBSERVATION_INTERPRETATION_SYSTEM)
    .map((c) => c.code);
  if (codes.includes('POS')) return true;
  if (codes.includes('NEG')) return false;
  return undefined;
}

/** No subject is taken as the patient in context; a different one is another patient's record. */
function isAbout(o: ObservationIn, patientId: string): boolean {
  const ref = o.subject?.reference;
  return ref === undefined || ref === `Patient/${patientId}` || ref.endsWith(`/Patient/${patientId}`);
}

/** Our symptom code for the Observation: our own coding first, else the first SNOMED CT or ICD-10 coding we map. */
function symptomCode(o: ObservationIn, codeMap: FindingCodeMap): string | undefined {
  const codings = o.code.coding ?? [];
  const ours = codings.find((c) => c.system === SYMPTOMS_SYSTEM && c.code)?.code;
  if (ours) return ours;
  for (const c of codings) {
    const mapped = c.system && c.code ? codeMap.get(codingKey(c.system, c.code.trim())) : undefined;
    if (mapped) return mapped;
  }
  return undefined;
}

const effectiveTime = (o: ObservationIn) => (o.effectiveDateTime ? Date.parse(o.effectiveDateTime) : Number.NaN);

/**
 * The patient's findings in a Bundle's Observations. When a symptom is observed more than once the most
 * recent answer counts (the later entry when dates are missing).
 */
export function findingsFromObservations(
  entries: { resource?: unknown }[],
  patientId: string,
  vocabulary: SymptomVocabulary,
  codeMap: FindingCodeMap = new Map(),
): Finding[] {
  const latest = new Map<string, { finding: Finding; at: number }>();
  for (const entry of entries) {
    const parsed = ObservationIn.safeParse(entry.resource);
    if (!parsed.success) continue;
    const o = parsed.data;
    if ((o.status && VOID_STATUSES.has(o.status)) || !isAbout(o, patientId)) continue;
    const present = presence(o);
    const code = symptomCode(o, codeMap);
    const name = code ? vocabulary.symptomName(code) : undefined;
    if (!code || name === undefined || present === undefined) continue;
    const at = effectiveTime(o);
    const seen = latest.get(code);
    if (seen && at < seen.at) continue;
    latest.set(code, { finding: { symptom: code, name, present }, at });
  }
  return [...latest.values()].map((v) => v.finding);
}
