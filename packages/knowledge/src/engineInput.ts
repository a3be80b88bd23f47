// Turns the knowledge base into the engine's input: symptoms with every surface form, disease likelihoods, red flags.
import { inBaseUnit } from '@unani/contracts';
import type { EngineKnowledge, EngineRemedy } from '@unani/engine';
import type { KnowledgeBase, MaxDailyDose, SingleDrugEntry } from './format.ts';

const baseMax = (max: MaxDailyDose | undefined) => (max ? inBaseUnit(max.amount, max.unit) : undefined);

const drugNames = (d: SingleDrugEntry) =>
  [d.name, d.englishName, d.urduName, d.botanicalName, ...d.synonyms].filter((n): n is string => Boolean(n));

/** Single drugs and formulations with their safety facts; a formulation inherits its toxic ingredients' limits. */
export function toEngineRemedies(kb: KnowledgeBase): EngineRemedy[] {
  const drugs = new Map(kb.singleDrugs.map((d) => [d.code, d]));
  return [
    ...kb.singleDrugs.map(
      (d): EngineRemedy => ({
        code: d.code,
        kind: 'singleDrug',
        name: d.name,
        ...(d.urduName ? { urduName: d.urduName } : {}),
        ...(d.temperament ? { temperament: d.temperament } : {}),
        toxic: d.toxic,
        ...(d.maxDailyDose ? { maxDailyDose: baseMax(d.maxDailyDose) } : {}),
        avoidIn: d.avoidIn,
        cautions: d.cautions,
        names: drugNames(d),
      }),
    ),
    ...kb.formulations.map((f): EngineRemedy => {
      const toxicIngredients = f.ingredients.flatMap((i) => {
        const drug = i.drug ? drugs.get(i.drug) : undefined;
        return drug?.toxic ? [drug] : [];
      });
      return {
        code: f.code,
        kind: 'formulation',
        name: f.name,
        ...(f.urduName ? { urduName: f.urduName } : {}),
        toxic: toxicIngredients.length > 0,
        ...(f.maxDailyDose ? { maxDailyDose: baseMax(f.maxDailyDose) } : {}),
        avoidIn: [...new Set([...f.avoidIn, ...toxicIngredients.flatMap((d) => d.avoidIn)])],
        cautions: f.cautions,
        ...(f.childDose ? { childDose: f.childDose } : {}),
        names: [
          ...new Set([
            f.name,
            ...(f.urduName ? [f.urduName] : []),
            ...f.synonyms,
            ...f.ingredients.flatMap((i) => {
              const drug = i.drug ? drugs.get(i.drug) : undefined;
              return [...(i.name ? [i.name] : []), ...(drug ? drugNames(drug) : [])];
            }),
          ]),
        ],
      };
    }),
  ];
}

export function toEngineKnowledge(kb: KnowledgeBase): EngineKnowledge {
  return {
    hash: kb.hash,
    symptoms: kb.symptoms.map((s) => ({
      code: s.code,
      name: s.name,
      kind: s.kind,
      terms: [...new Set([s.name, s.unaniName, s.urduName, ...s.synonyms].filter((t): t is string => Boolean(t)))],
      ...(s.parents.length > 0 ? { parents: s.parents } : {}),
      ...(s.durationAtLeastDays ? { durationAtLeastDays: s.durationAtLeastDays } : {}),
      ...(s.selfCare ? { selfCare: true } : {}),
      ...(s.describedAs.length > 0 ? { describedAs: s.describedAs } : {}),
      ...(s.site ? { site: s.site } : {}),
      ...(s.quality ? { qualities: [s.quality].flat() } : {}),
    })),
    diseases: kb.diseases.map((d) => ({
      code: d.code,
      name: d.name,
      englishName: d.englishName,
      ...(d.urduName ? { urduName: d.urduName } : {}),
      temperaments: d.temperaments,
      ...(d.humours.length > 0 ? { humours: d.humours } : {}),
      symptoms: d.symptoms.map((s) => ({ symptom: s.symptom, likelihood: s.likelihood, cardinal: s.cardinal })),
    })),
    redFlags: kb.redFlags.map((r) => ({
      code: r.code,
      message: r.message,
      ...(r.summary ? { summary: r.summary } : {}),
      ...(r.messageUrdu ? { messageUrdu: r.messageUrdu } : {}),
      urgency: r.urgency,
      when: r.when,
    })),
    remedies: toEngineRemedies(kb),
  };
}
