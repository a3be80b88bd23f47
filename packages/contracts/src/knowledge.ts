// The knowledge base as the read-only API returns it: diseases, symptoms, the formulary and their sources.
// Rows are named by their stable `code`; database ids never leave the server.
import { z } from 'zod';
import { ListQuery } from './common.ts';
import { Prescription } from './prescription.ts';
import { DosageForm, Humour, OrganSystem, SymptomKind, Temperament, TreatmentKind } from './vocabulary.ts';

export const MAX_SEARCH_LENGTH = 100;

/** Free text matched against every name and synonym, ignoring case, accents, spaces and punctuation. */
const SearchText = z.string().trim().max(MAX_SEARCH_LENGTH);

/** A cited source, with the part or page relied on when the entry names one. */
export const CitationView = z
  .object({
    code: z.string(),
    title: z.string(),
    author: z.string().nullable(),
    publisher: z.string().nullable(),
    year: z.number().int().nullable(),
    url: z.string().nullable(),
    locator: z.string().nullable(),
  })
  .meta({ id: 'Citation' });
export type CitationView = z.infer<typeof CitationView>;

export const SourceView = CitationView.omit({ locator: true })
  .extend({ note: z.string().nullable() })
  .meta({ id: 'Source' });
export type SourceView = z.infer<typeof SourceView>;

export const SourceList = z.object({ items: z.array(SourceView) });
export type SourceList = z.infer<typeof SourceList>;

const CodedName = z.object({ code: z.string(), name: z.string() });

// ───────────── Diseases ─────────────

export const DiseaseCodes = z.object({
  numc: z.string().nullable(),
  icd11: z.string().nullable(),
  icd10: z.string().nullable(),
});
export type DiseaseCodes = z.infer<typeof DiseaseCodes>;

export const DiseaseSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    englishName: z.string(),
    urduName: z.string().nullable(),
    organSystem: OrganSystem,
    temperaments: z.array(Temperament),
    codes: DiseaseCodes,
  })
  .meta({ id: 'DiseaseSummary' });
export type DiseaseSummary = z.infer<typeof DiseaseSummary>;

export const DiseaseListQuery = ListQuery.extend({
  q: SearchText.optional(),
  organSystem: OrganSystem.optional(),
  temperament: Temperament.optional(),
});
export type DiseaseListQuery = z.infer<typeof DiseaseListQuery>;

export const ProtocolItemView = z.object({
  kind: TreatmentKind,
  formulation: CodedName.nullable(),
  singleDrug: CodedName.nullable(),
  text: z.string().nullable(),
  /** `text` in Urdu, for the patient's note in Urdu. */
  textUrdu: z.string().nullable(),
  /** True until a native Urdu-speaking practitioner has checked `textUrdu`. */
  urduReview: z.boolean(),
  dose: z.string().nullable(),
  duration: z.string().nullable(),
  /** `dose` and `duration` read into parts, the default of a plan's medicine item; null where they cannot be read. */
  prescription: Prescription.nullable(),
  /** The words of `dose` and `duration` the parts do not hold ("with milk", "(Zukam Har)"). */
  instructions: z.string(),
  /** For ghiza: a food to avoid. */
  avoid: z.boolean(),
  /** The humoural types of the disease the item treats (the source treats them differently); null for every type. */
  forTypes: z.array(Temperament).nullable(),
});
export type ProtocolItemView = z.infer<typeof ProtocolItemView>;

export const ProtocolView = z.object({
  /** Usool-e-Ilaj: the principles of treatment. */
  principles: z.array(z.string()),
  /** Why the protocol gives no medicine (referral first, or none confirmed in a source); null when it gives some. */
  noDawa: z.string().nullable(),
  items: z.array(ProtocolItemView),
  sources: z.array(CitationView),
  review: z.boolean(),
});
export type ProtocolView = z.infer<typeof ProtocolView>;

export const DiseaseDetail = DiseaseSummary.extend({
  synonyms: z.array(z.string()),
  description: z.string(),
  /** `description` in Urdu; `descriptionUrduReview` until a native speaker has checked it. */
  descriptionUrdu: z.string().nullable(),
  descriptionUrduReview: z.boolean(),
  humours: z.array(Humour),
  /** Most likely first. */
  symptoms: z.array(
    CodedName.extend({
      kind: SymptomKind,
      /** P(finding | disease). */
      likelihood: z.number(),
      cardinal: z.boolean(),
    }),
  ),
  protocol: ProtocolView.nullable(),
  sources: z.array(CitationView),
  /** True while a reviewer has yet to confirm the entry. */
  review: z.boolean(),
}).meta({ id: 'Disease' });
export type DiseaseDetail = z.infer<typeof DiseaseDetail>;

// ───────────── Symptoms ─────────────

export const SymptomSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    unaniName: z.string().nullable(),
    urduName: z.string().nullable(),
    kind: SymptomKind,
  })
  .meta({ id: 'SymptomSummary' });
export type SymptomSummary = z.infer<typeof SymptomSummary>;

export const SymptomListQuery = ListQuery.extend({ q: SearchText.optional(), kind: SymptomKind.optional() });
export type SymptomListQuery = z.infer<typeof SymptomListQuery>;

export const SymptomDetail = SymptomSummary.extend({
  synonyms: z.array(z.string()),
  description: z.string().nullable(),
  /** The diseases that list the finding, most likely first. */
  diseases: z.array(CodedName.extend({ englishName: z.string(), likelihood: z.number(), cardinal: z.boolean() })),
  sources: z.array(CitationView),
  review: z.boolean(),
}).meta({ id: 'Symptom' });
export type SymptomDetail = z.infer<typeof SymptomDetail>;

// ───────────── Single drugs (Mufradat) ─────────────

export const SingleDrugSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    englishName: z.string().nullable(),
    urduName: z.string().nullable(),
    botanicalName: z.string().nullable(),
    /** e.g. "Hot 2, Dry 2". */
    temperament: z.string().nullable(),
  })
  .meta({ id: 'SingleDrugSummary' });
export type SingleDrugSummary = z.infer<typeof SingleDrugSummary>;

export const SingleDrugListQuery = ListQuery.extend({ q: SearchText.optional() });
export type SingleDrugListQuery = z.infer<typeof SingleDrugListQuery>;

export const SingleDrugDetail = SingleDrugSummary.extend({
  synonyms: z.array(z.string()),
  partUsed: z.string().nullable(),
  actions: z.array(z.string()),
  dose: z.string().nullable(),
  cautions: z.array(z.string()),
  contraindications: z.array(z.string()),
  /** The compound formulations that contain the drug. */
  formulations: z.array(CodedName.extend({ dosageForm: DosageForm, quantity: z.string().nullable() })),
  sources: z.array(CitationView),
  review: z.boolean(),
}).meta({ id: 'SingleDrug' });
export type SingleDrugDetail = z.infer<typeof SingleDrugDetail>;

// ───────────── Formulations (Murakkabat) ─────────────

export const FormulationSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    urduName: z.string().nullable(),
    dosageForm: DosageForm,
  })
  .meta({ id: 'FormulationSummary' });
export type FormulationSummary = z.infer<typeof FormulationSummary>;

export const FormulationListQuery = ListQuery.extend({ q: SearchText.optional(), dosageForm: DosageForm.optional() });
export type FormulationListQuery = z.infer<typeof FormulationListQuery>;

export const FormulationDetail = FormulationSummary.extend({
  synonyms: z.array(z.string()),
  /** In the published order; `drug` is the single drug's code when the knowledge base holds it. */
  ingredients: z.array(z.object({ name: z.string(), quantity: z.string().nullable(), drug: z.string().nullable() })),
  dose: z.string(),
  indications: z.array(z.string()),
  cautions: z.array(z.string()),
  contraindications: z.array(z.string()),
  sources: z.array(CitationView),
  review: z.boolean(),
}).meta({ id: 'Formulation' });
export type FormulationDetail = z.infer<typeof FormulationDetail>;

// ───────────── One search across the knowledge base ─────────────

export const knowledgeEntryTypes = ['disease', 'symptom', 'single-drug', 'formulation'] as const;
export const KnowledgeEntryType = z.enum(knowledgeEntryTypes);
export type KnowledgeEntryType = z.infer<typeof KnowledgeEntryType>;

export const KnowledgeSearchQuery = z.object({
  q: z.string().trim().min(1).max(MAX_SEARCH_LENGTH),
  limit: ListQuery.shape.limit,
});
export type KnowledgeSearchQuery = z.infer<typeof KnowledgeSearchQuery>;

export const KnowledgeSearchHit = z
  .object({
    type: KnowledgeEntryType,
    code: z.string(),
    name: z.string(),
    /** A short line telling entries apart, e.g. the English name and organ system of a disease. */
    detail: z.string(),
  })
  .meta({ id: 'KnowledgeSearchHit' });
export type KnowledgeSearchHit = z.infer<typeof KnowledgeSearchHit>;

/** The Urdu names of the diseases and findings that have one, by code: what an Urdu interface shows beside codes. */
export const UrduNames = z
  .object({ diseases: z.record(z.string(), z.string()), symptoms: z.record(z.string(), z.string()) })
  .meta({ id: 'UrduNames' });
export type UrduNames = z.infer<typeof UrduNames>;

/** Best matches first: a whole name, then the start of a name, then a part of one. */
export const KnowledgeSearchResult = z.object({ items: z.array(KnowledgeSearchHit) });
export type KnowledgeSearchResult = z.infer<typeof KnowledgeSearchResult>;
