// The knowledge-base file format: what a reviewer sees in data/knowledge/ and what the loader accepts.
import {
  AvoidIn,
  BodySite,
  DosageForm,
  doseUnits,
  FindingQuality,
  Humour,
  OrganSystem,
  Severity,
  SymptomKind,
  Temperament,
  TreatmentKind,
} from '@unani/contracts';
import { z } from 'zod';

/** Stable identifiers: lower-case words joined by hyphens, e.g. `shaqeeqa`, `itrifal-ustukhuddus`. */
export const Code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a code is lower-case letters and digits joined by hyphens');

const Text = z.string().trim().min(1);
const TextList = z.array(Text).default([]);

/** A citation: a source code, or a source code with the part/page relied on. */
export const CitationRef = z.union([Code, z.strictObject({ source: Code, locator: Text.optional() })]);
export type CitationRef = z.infer<typeof CitationRef>;
const Sources = z.array(CitationRef).min(1, 'every entry cites at least one source');

export const SourceEntry = z.strictObject({
  code: Code,
  title: Text,
  author: Text.optional(),
  publisher: Text.optional(),
  year: z.number().int().min(900).max(2100).optional(),
  url: z.url().optional(),
  note: Text.optional(),
});
export type SourceEntry = z.infer<typeof SourceEntry>;

export const SymptomEntry = z.strictObject({
  code: Code,
  /** Canonical English name shown to practitioners. */
  name: Text,
  kind: SymptomKind,
  /** Unani / Urdu transliteration, e.g. "Suda". */
  unaniName: Text.optional(),
  /** Urdu (Nastaliq) script. */
  urduName: Text.optional(),
  /** Every other way a practitioner or patient says it: lay English, transliteration variants, Urdu script. */
  synonyms: TextList,
  description: Text.optional(),
  /** More general symptoms this one is a kind of (is-a): `high-fever` has parent `fever`. */
  parents: z.array(Code).default([]),
  /** Where in the body the complaint is: the place a bare complaint word said beside it takes. */
  site: BodySite.optional(),
  /**
   * The complaint word this finding is at its site: `rectal-bleeding` is bleeding at the anus, so after "a lump at
   * my back passage", "no bleeding" is no rectal bleeding. One word or several (burning on passing urine is its pain
   * and its burning). At most one finding per site and quality.
   */
  quality: z.union([FindingQuality, z.array(FindingQuality).min(1)]).optional(),
  /**
   * A finding defined by how long its parent lasts: `chronic-cough` (parent `cough`, 21 days) is any cough that has
   * lasted three weeks, so "cough for 3 weeks" is read as it.
   */
  durationAtLeastDays: z.number().int().positive().optional(),
  /**
   * How the complaint is described without its name: each description is two or more slots of alternative words
   * ([[arm, leg, baazu], [weak, can't lift, jaan nahi]]) that must all occur within a few words of one sentence.
   */
  describedAs: z.array(z.array(z.array(Text).min(1)).min(2)).default([]),
  /**
   * A minor, self-limiting complaint that a patient may care for at home when it is the only kind of complaint, not
   * severe and not long-lasting (NHS England 2018, conditions for self-care).
   */
  selfCare: z.boolean().default(false),
  sources: Sources,
  review: z.boolean().default(false),
});
export type SymptomEntry = z.infer<typeof SymptomEntry>;

/** Symptom kinds that are Unani examination findings (pulse, urine, stool) rather than complaints. */
export const unaniSignKinds: ReadonlySet<SymptomKind> = new Set<SymptomKind>(['nabz', 'baul', 'baraz']);

export const DiseaseSymptomEntry = z.strictObject({
  symptom: Code,
  /** P(finding | disease), in (0, 1]. */
  likelihood: z.number().gt(0).max(1),
  cardinal: z.boolean().default(false),
});
export type DiseaseSymptomEntry = z.infer<typeof DiseaseSymptomEntry>;

/** A dose must name its unit (g, mg, ml, drops, tablets, …) so a plan is never ambiguous. */
export const Dose = Text.regex(
  /\d.*\b(g|mg|ml|mL|gm|gram|grams|drops?|tablets?|tabs?|pills?|capsules?|tsp|teaspoons?|tbsp|tablespoons?|cups?|q\.?s\.?|times?|parts?)\b|\bq\.?s\.?\b|as required/i,
  'a dose names its amount and unit, e.g. "5 g twice daily"',
);

export const ProtocolItem = z
  .strictObject({
    kind: TreatmentKind,
    /** For dawa: one of formulation or singleDrug, or plain text for a preparation not in the formulary. */
    formulation: Code.optional(),
    singleDrug: Code.optional(),
    text: Text.optional(),
    /** The same text in Urdu, for the patient's note in Urdu. */
    textUr: Text.optional(),
    /** True until a native Urdu-speaking practitioner has checked `textUr`. */
    urduReview: z.boolean().default(false),
    dose: Dose.optional(),
    duration: Text.optional(),
    /** For ghiza: true when the item is a food to avoid. */
    avoid: z.boolean().default(false),
    /**
     * The humoural types of the disease this item treats, where the source treats the types differently (Waram-e-Kabid
     * Damvi is cooled, Balghami warmed); absent for an item of every type. A plan started for one type leaves out the
     * items of the others.
     */
    forTypes: z.array(Temperament).min(1).optional(),
  })
  .refine((item) => !item.textUr || item.text, { message: '`textUr` translates `text`; give the English text too' })
  .refine((item) => item.formulation ?? item.singleDrug ?? item.text, {
    message: 'an item names a formulation, a single drug or a text',
  })
  .refine((item) => !(item.formulation && item.singleDrug), {
    message: 'an item names a formulation or a single drug, not both',
  });
export type ProtocolItem = z.infer<typeof ProtocolItem>;

export const ProtocolEntry = z
  .strictObject({
    /** Usool-e-Ilaj: the principles of treatment. */
    principles: TextList,
    items: z.array(ProtocolItem).min(1),
    /**
     * Why the protocol gives no medicine (no `dawa` item): the patient goes to a surgeon first (appendicitis), or no
     * medicine for the disease could be confirmed in a source, so none is guessed. Required when there is no dawa.
     */
    noDawa: Text.optional(),
    sources: Sources,
    review: z.boolean().default(false),
  })
  .refine((p) => p.noDawa || p.items.some((i) => i.kind === 'dawa'), {
    message: 'a protocol gives a dawa item, or says in `noDawa` why it gives none',
  })
  .refine((p) => !(p.noDawa && p.items.some((i) => i.kind === 'dawa')), {
    message: '`noDawa` explains a protocol without a dawa item; this one has one',
  });
export type ProtocolEntry = z.infer<typeof ProtocolEntry>;

/** The FHIR R4 ConceptMap equivalences a disease's external code may have (target relative to the disease). */
export const codeEquivalences = ['equivalent', 'wider', 'narrower', 'relatedto', 'inexact'] as const;
export type CodeEquivalence = (typeof codeEquivalences)[number];

export const CodeMatch = z
  .strictObject({ match: z.enum(codeEquivalences), note: Text.optional() })
  .refine((m) => m.note || (m.match !== 'narrower' && m.match !== 'inexact'), {
    message: 'a narrower or inexact match says why in `note`',
  });
export type CodeMatch = z.infer<typeof CodeMatch>;

export const DiseaseEntry = z.strictObject({
  code: Code,
  /** The Unani name, e.g. "Shaqeeqa". */
  name: Text,
  englishName: Text,
  urduName: Text.optional(),
  synonyms: TextList,
  description: Text,
  /** The description in Urdu, shown on the patient's note in Urdu. */
  descriptionUr: Text.optional(),
  /** True until a native Urdu-speaking practitioner has checked `descriptionUr`. */
  descriptionUrReview: z.boolean().default(false),
  organSystem: OrganSystem,
  /** The patient temperaments in which the disease arises more readily (P(Mizaj | disease) favours them). */
  temperaments: z.array(Temperament).default([]),
  /** The humours whose predominance or corruption causes the disease, as its sources name them. */
  humours: z.array(Humour).default([]),
  /**
   * Where `temperaments`, `humours` and the Nabz/Baul/Baraz signs in `symptoms` come from, cited apart from the
   * entry's `sources` so a reviewer can check the Unani layer on its own; required when either list is filled.
   */
  mizajSources: z.array(CitationRef).default([]),
  /** True where the humour or temperament is a reading the cited source does not state outright. */
  mizajReview: z.boolean().default(false),
  codes: z
    .strictObject({
      numc: Text.optional(),
      icd11: Text.optional(),
      icd10: Text.optional(),
    })
    .default({}),
  /**
   * How each code's meaning relates to this disease, stated where it is not "equivalent" (the default): the external
   * concept is `wider` or `narrower` than the disease, `inexact` (overlapping, or of uncertain bounds) or only
   * `relatedto` it. A `narrower` or `inexact` match says why in `note` (FHIR ConceptMap invariant cmd-1).
   */
  codeMatch: z
    .strictObject({ numc: CodeMatch.optional(), icd11: CodeMatch.optional(), icd10: CodeMatch.optional() })
    .default({}),
  symptoms: z.array(DiseaseSymptomEntry).min(1),
  protocol: ProtocolEntry.optional(),
  sources: Sources,
  review: z.boolean().default(false),
});
export type DiseaseEntry = z.infer<typeof DiseaseEntry>;

/** e.g. "Hot 2, Dry 2", "Cold 1, Moist 2", "Moderate". */
export const DrugTemperament = Text.regex(
  /^(Moderate|(Hot|Cold|Moderate)( [1-4])?, (Dry|Moist|Moderate)( [1-4])?)$/,
  'a temperament reads like "Hot 2, Dry 2" or "Cold 1, Moist 1" or "Moderate"',
);

/** The most a patient may take in a day, in a unit the plan's written dose can be compared with. */
export const MaxDailyDose = z.strictObject({
  amount: z.number().positive(),
  unit: z.enum(doseUnits),
  /** Where the maximum comes from (monograph, section). */
  source: CitationRef,
});
export type MaxDailyDose = z.infer<typeof MaxDailyDose>;

export const SingleDrugEntry = z.strictObject({
  code: Code,
  /** Unani name, e.g. "Ustukhuddus". */
  name: Text,
  englishName: Text.optional(),
  urduName: Text.optional(),
  botanicalName: Text.optional(),
  synonyms: TextList,
  partUsed: Text.optional(),
  temperament: DrugTemperament.optional(),
  actions: TextList,
  dose: Dose.optional(),
  /** A poisonous drug (Kuchla, Dhatura, Afyun, Bish, minerals…): needs cautions, a maximum and pregnancy/child limits. */
  toxic: z.boolean().default(false),
  maxDailyDose: MaxDailyDose.optional(),
  cautions: TextList,
  contraindications: TextList,
  /** The contraindications a prescription check matches against the visit. */
  avoidIn: z.array(AvoidIn).default([]),
  sources: Sources,
  review: z.boolean().default(false),
});
export type SingleDrugEntry = z.infer<typeof SingleDrugEntry>;

export const IngredientEntry = z
  .strictObject({
    /** A single drug of this knowledge base, or a name for one it does not hold yet. */
    drug: Code.optional(),
    name: Text.optional(),
    quantity: Text.optional(),
  })
  .refine((i) => i.drug ?? i.name, { message: 'an ingredient names a drug code or a name' });
export type IngredientEntry = z.infer<typeof IngredientEntry>;

export const FormulationEntry = z.strictObject({
  code: Code,
  name: Text,
  urduName: Text.optional(),
  synonyms: TextList,
  dosageForm: DosageForm,
  ingredients: z.array(IngredientEntry).min(1),
  dose: Dose,
  /** The dose for a child, where the formulary gives one. */
  childDose: Dose.optional(),
  maxDailyDose: MaxDailyDose.optional(),
  indications: z.array(Text).min(1),
  cautions: TextList,
  contraindications: TextList,
  /** Contraindications the prescription check matches; those of toxic ingredients are added to them. */
  avoidIn: z.array(AvoidIn).default([]),
  sources: Sources,
  review: z.boolean().default(false),
});
export type FormulationEntry = z.infer<typeof FormulationEntry>;

/** A finding a rule asks for: a symptom code, or `code@severity` for "at least this severe" (`headache@severe`). */
export const RuleFinding = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*(@(mild|moderate|severe))?$/,
    'a rule finding is a symptom code, optionally with @mild, @moderate or @severe',
  );

/**
 * When a red flag fires: every finding in `all`, at least one in `any` (if given), none in `none`, and the context
 * limits. A specific finding satisfies its parents (`high-fever` counts as `fever`).
 */
export const RedFlagCondition = z
  .strictObject({
    all: z.array(RuleFinding).default([]),
    any: z.array(RuleFinding).default([]),
    none: z.array(RuleFinding).default([]),
    minSeverity: Severity.optional(),
    ageBelowYears: z.number().positive().optional(),
    ageAtLeastYears: z.number().nonnegative().optional(),
    sex: z.enum(['female', 'male']).optional(),
    pregnant: z.literal(true).optional(),
    pregnancyWeeksAtLeast: z.number().int().min(1).max(44).optional(),
    pregnancyWeeksBelow: z.number().int().min(1).max(44).optional(),
    durationAtLeastDays: z.number().positive().optional(),
  })
  .refine((c) => c.all.length + c.any.length > 0, {
    message: 'a red flag needs at least one finding in "all" or "any"',
  });
export type RedFlagCondition = z.infer<typeof RedFlagCondition>;

/**
 * The longest one-line summary of a red flag: a CDS Hooks 2.0 card's summary is "<140 characters", and a warning
 * cut mid-sentence could drop the instruction that matters.
 */
export const RED_FLAG_SUMMARY_MAX = 139;

export const RedFlagEntry = z
  .strictObject({
    code: Code,
    /** What the practitioner must do, in plain words. */
    message: Text,
    /** The message in one line of at most RED_FLAG_SUMMARY_MAX characters; needed when the message is longer. */
    summary: Text.max(RED_FLAG_SUMMARY_MAX).optional(),
    /** The same in Urdu. */
    messageUrdu: Text.optional(),
    urgency: z.enum(['emergency', 'urgent']),
    when: RedFlagCondition,
    sources: Sources,
    review: z.boolean().default(false),
  })
  .refine((r) => r.summary !== undefined || r.message.length <= RED_FLAG_SUMMARY_MAX, {
    message: `a message over ${RED_FLAG_SUMMARY_MAX} characters needs a "summary" of at most ${RED_FLAG_SUMMARY_MAX}`,
    path: ['summary'],
  });
export type RedFlagEntry = z.infer<typeof RedFlagEntry>;

/** The whole knowledge base after loading and cross-checking. */
export interface KnowledgeBase {
  sources: SourceEntry[];
  symptoms: SymptomEntry[];
  diseases: DiseaseEntry[];
  singleDrugs: SingleDrugEntry[];
  formulations: FormulationEntry[];
  redFlags: RedFlagEntry[];
  /** SHA-256 over the normalised content; a model records the hash it was trained on. */
  hash: string;
}
