// Diseases already diagnosed for the patient, from the prefetched Conditions (CDS Hooks): confirmed, still active,
// coded with our disease code. The differential card names them as recorded instead of suggesting them again.
import { z } from 'zod';
import { CONDITION_CLINICAL_SYSTEM, CONDITION_VERIFICATION_SYSTEM, DISEASES_SYSTEM } from './systems.ts';

const CodingIn = z.looseObject({ system: z.string().optional(), code: z.string().optional() });
const ConceptIn = z.looseObject({ coding: z.array(CodingIn).optional() });
const ConditionIn = z.looseObject({
  resourceType: z.literal('Condition'),
  clinicalStatus: ConceptIn.optional(),
  verificationStatus: ConceptIn.optional(),
  code: ConceptIn.optional(),
  subject: z.looseObject({ reference: z.string().optional() }).optional(),
});
type ConditionIn = z.infer<typeof ConditionIn>;

/** Clinical statuses under which the disease is current (FHIR R4 condition-clinical). */
const CURRENT = new Set(['active', 'recurrence', 'relapse']);

const codesIn = (concept: z.infer<typeof ConceptIn> | undefined, system: string) =>
  (concept?.coding ?? []).filter((c) => c.system === system && c.code).map((c) => c.code as string);

/** Unlike an Observation, a Condition must name its subject (FHIR R4): it must be this patient. */
function isAbout(c: ConditionIn, patientId: string): boolean {
  const ref = c.subject?.reference;
  return ref === `Patient/${patientId}` || (ref?.endsWith(`/Patient/${patientId}`) ?? false);
}

/** Our disease codes confirmed and current for the patient in a Bundle's Conditions. */
export function recordedDiseases(entries: { resource?: unknown }[], patientId: string): Set<string> {
  const codes = new Set<string>();
  for (const entry of entries) {
    const parsed = ConditionIn.safeParse(entry.resource);
    if (!parsed.success || !isAbout(parsed.data, patientId)) continue;
    const c = parsed.data;
    if (!codesIn(c.verificationStatus, CONDITION_VERIFICATION_SYSTEM).includes('confirmed')) continue;
    if (!codesIn(c.clinicalStatus, CONDITION_CLINICAL_SYSTEM).some((s) => CURRENT.has(s))) continue;
    for (const code of codesIn(c.code, DISEASES_SYSTEM)) codes.add(code);
  }
  return codes;
}
