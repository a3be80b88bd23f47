// Treatment plans (Ilaj bil Dawa, Ghiza, Tadbeer, advice) and the patient's shared note.
import { z } from 'zod';
import { doseText, durationText, Prescription } from './prescription.ts';
import { TreatmentKind } from './vocabulary.ts';

export const PlanItem = z
  .object({
    kind: TreatmentKind,
    formulationCode: z.string().min(1).max(191).optional(),
    singleDrugCode: z.string().min(1).max(191).optional(),
    /** What to take or do, in words the patient will read; for a medicine, how to take it. */
    text: z.string().trim().max(1000).default(''),
    /** A medicine's dose in words; when `prescription` is given, its English words replace this. */
    dose: z.string().trim().max(500).optional(),
    duration: z.string().trim().max(191).optional(),
    /** A medicine's dose in parts, written on the note in the note's language. */
    prescription: Prescription.optional(),
    /** For diet: a food to avoid. */
    avoid: z.boolean().default(false),
  })
  .refine((i) => i.text.length > 0 || i.formulationCode || i.singleDrugCode, {
    message: 'an item names a formulation, a single drug or a text',
    path: ['text'],
  })
  .refine((i) => !i.prescription || i.kind === 'dawa', {
    message: 'only a medicine (dawa) has a dose in parts',
    path: ['prescription'],
  })
  .meta({ id: 'PlanItem' });
export type PlanItem = z.infer<typeof PlanItem>;

/**
 * True when the item's `dose` and `duration` are the words of its parts (saved in parts); false for an item saved as
 * words, whose parts were read back from them and may leave words over ("with milk").
 */
export function savedInParts(item: {
  prescription: Prescription | null;
  dose: string | null;
  duration: string | null;
}): boolean {
  const p = item.prescription;
  return Boolean(p && item.dose === doseText(p) && (item.duration ?? '') === durationText(p));
}

/** The item with `dose` and `duration` written from its parts, when it has them: one wording for checks and notes. */
export function withWrittenDose<T extends { prescription?: Prescription; dose?: string; duration?: string }>(
  item: T,
): T {
  if (!item.prescription) return item;
  const duration = durationText(item.prescription);
  return { ...item, dose: doseText(item.prescription), duration: duration || undefined };
}

export const PlanRequest = z.object({
  items: z.array(PlanItem).min(1).max(100),
  advice: z.string().trim().max(4000).optional(),
  followUp: z.string().trim().max(500).optional(),
});
export type PlanRequest = z.input<typeof PlanRequest>;

/** A prescribing warning shown beside a plan item: never a silent block, always the practitioner's decision. */
export const prescribingWarningKinds = [
  'dose',
  'contraindication',
  'confirm',
  'toxic',
  'child-dose',
  'allergy',
  'temperament',
] as const;
export const PrescribingWarning = z
  .object({
    kind: z.enum(prescribingWarningKinds),
    /** `danger` when the item should not be given as written; `check` when a fact must be confirmed first. */
    level: z.enum(['danger', 'check']),
    message: z.string(),
    /** The same in Urdu, where the check words it in both languages. */
    messageUrdu: z.string().optional(),
  })
  .meta({ id: 'PrescribingWarning' });
export type PrescribingWarning = z.infer<typeof PrescribingWarning>;

export const PlanItemView = z.object({
  kind: TreatmentKind,
  formulationCode: z.string().nullable(),
  singleDrugCode: z.string().nullable(),
  /** The formulation's or drug's name, or the free text. */
  name: z.string(),
  text: z.string(),
  dose: z.string().nullable(),
  duration: z.string().nullable(),
  /** The dose in parts: as saved, or read from `dose` and `duration` for an item saved as words. */
  prescription: Prescription.nullable(),
  /** The formulary entry, or the diagnosed disease's protocol that prescribes it, is marked for review. */
  review: z.boolean().default(false),
  avoid: z.boolean(),
  /** Dose, contraindication and toxicity checks against this visit's patient. */
  warnings: z.array(PrescribingWarning).default([]),
});
export type PlanItemView = z.infer<typeof PlanItemView>;

/** The checks of a draft plan, item by item in the order sent, before it is saved. */
export const PlanCheckView = z
  .object({ items: z.array(z.object({ warnings: z.array(PrescribingWarning) })) })
  .meta({ id: 'PlanCheck' });
export type PlanCheckView = z.infer<typeof PlanCheckView>;

export const PlanView = z
  .object({
    items: z.array(PlanItemView),
    advice: z.string().nullable(),
    followUp: z.string().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TreatmentPlan' });
export type PlanView = z.infer<typeof PlanView>;

export const noteLanguages = ['en', 'ur'] as const;
export const NoteLanguage = z.enum(noteLanguages);
export type NoteLanguage = z.infer<typeof NoteLanguage>;

export const MAX_NOTE_DAYS = 90;
export const DEFAULT_NOTE_DAYS = 30;

export const NoteCreate = z.object({
  language: NoteLanguage,
  expiresInDays: z.number().int().min(1).max(MAX_NOTE_DAYS).default(DEFAULT_NOTE_DAYS),
});
export type NoteCreate = z.infer<typeof NoteCreate>;

/** The share link is returned once; only its hash is stored. */
export const NoteCreated = z
  .object({ id: z.string(), token: z.string(), url: z.string(), expiresAt: z.iso.datetime(), language: NoteLanguage })
  .meta({ id: 'NoteCreated' });
export type NoteCreated = z.infer<typeof NoteCreated>;

export const NoteSummary = z
  .object({
    id: z.string(),
    language: NoteLanguage,
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'NoteSummary' });
export type NoteSummary = z.infer<typeof NoteSummary>;

export const NoteList = z.object({ items: z.array(NoteSummary) });
export type NoteList = z.infer<typeof NoteList>;

export const NoteRevoked = z.object({ id: z.string(), revokedAt: z.iso.datetime() });
export type NoteRevoked = z.infer<typeof NoteRevoked>;

/** A share link's token, as it travels in the note's path. */
export const TokenParam = z.object({ token: z.string().min(1).max(200) });
export type TokenParam = z.infer<typeof TokenParam>;

const NoteLine = z.object({ name: z.string(), detail: z.string() });

/** What the patient sees: no identifiers beyond the practitioner's name. */
export const SharedNote = z
  .object({
    language: NoteLanguage,
    diagnosis: z.object({ name: z.string(), unaniName: z.string(), description: z.string() }),
    medicines: z.array(NoteLine),
    dietTake: z.array(z.string()),
    dietAvoid: z.array(z.string()),
    regimen: z.array(z.string()),
    advice: z.array(z.string()),
    followUp: z.string().nullable(),
    practitionerName: z.string(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    disclaimer: z.string(),
    /** For an emergency or urgent triage: where to go and how soon, in the note's language. */
    seekCare: z
      .object({ level: z.enum(['emergency', 'urgent']), message: z.string() })
      .nullable()
      .optional(),
  })
  .meta({ id: 'SharedNote' });
export type SharedNote = z.infer<typeof SharedNote>;
