// Visits: the complaint, the findings, the Unani assessment, the engine's suggestion and the diagnosis.
import { z } from 'zod';
import { Finding, FindingInput, FindingOrigin, MAX_COMPLAINT_LENGTH, VitalSigns } from './engine.ts';
import { Temperament } from './vocabulary.ts';

export const encounterStatuses = ['open', 'analysed', 'diagnosed', 'planned', 'closed'] as const;
export const EncounterStatus = z.enum(encounterStatuses);
export type EncounterStatus = z.infer<typeof EncounterStatus>;

export const EncounterCreate = z.object({
  complaint: z.string().max(MAX_COMPLAINT_LENGTH).default(''),
  temperament: Temperament.optional(),
  nabzNotes: z.string().max(2000).optional(),
  /** The findings the practitioner accepts; when omitted, those parsed from the complaint. */
  findings: z.array(FindingInput).max(200).optional(),
});
export type EncounterCreate = z.input<typeof EncounterCreate>;

/** Vital signs measured at the visit: the engine's VitalSigns plus weight and height for the record. */
export const VisitVitals = VitalSigns.extend({
  weightKg: z.number().min(0.3).max(400).optional(),
  heightCm: z.number().min(20).max(260).optional(),
}).meta({ id: 'VisitVitals' });
export type VisitVitals = z.infer<typeof VisitVitals>;

export const EncounterUpdate = z.object({
  complaint: z.string().max(MAX_COMPLAINT_LENGTH).optional(),
  temperament: Temperament.nullable().optional(),
  nabzNotes: z.string().max(2000).nullable().optional(),
  /** Replaces the visit's vital signs when given; null clears them. */
  vitals: VisitVitals.nullable().optional(),
  /** Replaces the whole list of findings when given. */
  findings: z.array(FindingInput).max(200).optional(),
  status: z.literal('closed').optional(),
});
export type EncounterUpdate = z.infer<typeof EncounterUpdate>;

export const DiagnosisRequest = z.object({
  diseaseCode: z.string().min(1).max(191),
  note: z.string().max(2000).optional(),
});
export type DiagnosisRequest = z.infer<typeof DiagnosisRequest>;

export const DiagnosisView = z
  .object({
    disease: z.object({ code: z.string(), name: z.string(), englishName: z.string() }),
    confirmedAt: z.iso.datetime(),
    fromSuggestion: z.boolean(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Diagnosis' });
export type DiagnosisView = z.infer<typeof DiagnosisView>;

export const EncounterView = z
  .object({
    id: z.string(),
    patientId: z.string(),
    complaint: z.string(),
    temperament: Temperament.nullable(),
    nabzNotes: z.string().nullable(),
    vitals: VisitVitals.nullable(),
    status: EncounterStatus,
    findings: z.array(Finding.extend({ origin: FindingOrigin })),
    diagnosis: DiagnosisView.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Encounter' });
export type EncounterView = z.infer<typeof EncounterView>;

/** A visit in the patient's list: the visit, and the names of its plan's medicines (empty without a plan). */
export const VisitListItem = EncounterView.extend({ planMedicines: z.array(z.string()) }).meta({ id: 'VisitListItem' });
export type VisitListItem = z.infer<typeof VisitListItem>;
