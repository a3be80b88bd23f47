// The visit's own fields as the practitioner edits them: what autosave compares and sends, and what is kept on the
// device until it is sent. The findings parsed from the complaint are not part of it: they follow from the text.
import { type EncounterUpdate, type EncounterView, type Finding, Temperament } from '@unani/contracts';
import { z } from 'zod';
import { DraftFinding, mergeFindings, toFindingInput } from './findings.ts';
import { toVisitVitals, type VitalsText, vitalsText } from './vitals.ts';

export const VisitEdits = z.object({
  complaint: z.string(),
  /** Findings picked or answered, and parsed ones the practitioner changed. */
  manual: z.array(DraftFinding),
  /** Symptoms parsed from the complaint that the practitioner removed. */
  dismissed: z.array(z.string()),
  temperament: Temperament.or(z.literal('')),
  nabzNotes: z.string(),
  /** Vital signs as typed; edits kept on a device before vital signs existed have none. */
  vitals: z
    .record(z.string(), z.string())
    .default({})
    .transform((v) => v as VitalsText),
});
export type VisitEdits = z.infer<typeof VisitEdits>;

/** The edits that reproduce the visit as the server holds it. */
export function serverEdits(visit: EncounterView): VisitEdits {
  return {
    complaint: visit.complaint,
    manual: visit.findings.filter((f) => f.origin !== 'text'),
    dismissed: [],
    temperament: visit.temperament ?? '',
    nabzNotes: visit.nabzNotes ?? '',
    vitals: vitalsText(visit.vitals),
  };
}

/** The visit's findings: those parsed from its complaint that stand, then the picked and answered ones. */
export function findingsOf(edits: VisitEdits, parsed: Finding[]): DraftFinding[] {
  return mergeFindings(parsed, edits.manual, new Set(edits.dismissed));
}

/** The API's request for these edits, given the findings parsed from their complaint. */
export function toEncounterUpdate(edits: VisitEdits, parsed: Finding[]): EncounterUpdate {
  return {
    complaint: edits.complaint,
    temperament: edits.temperament || null,
    nabzNotes: edits.nabzNotes.trim() || null,
    vitals: toVisitVitals(edits.vitals),
    findings: findingsOf(edits, parsed).map(toFindingInput),
  };
}
