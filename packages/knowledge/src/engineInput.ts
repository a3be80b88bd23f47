// Turns the knowledge base into the engine's input: symptoms with every surface form, disease likelihoods, red flags.
import type { EngineKnowledge } from '@unani/engine';
import type { KnowledgeBase } from './format.ts';

export function toEngineKnowledge(kb: KnowledgeBase): EngineKnowledge {
  return {
    hash: kb.hash,
    symptoms: kb.symptoms.map((s) => ({
      code: s.code,
      name: s.name,
      kind: s.kind,
      terms: [...new Set([s.name, s.unaniName, s.urduName, ...s.synonyms].filter((t): t is string => Boolean(t)))],
      ...(s.parents.length > 0 ? { parents: s.parents } : {}),
      ...(s.selfCare ? { selfCare: true } : {}),
    })),
    diseases: kb.diseases.map((d) => ({
      code: d.code,
      name: d.name,
      englishName: d.englishName,
      temperaments: d.temperaments,
      symptoms: d.symptoms.map((s) => ({ symptom: s.symptom, likelihood: s.likelihood, cardinal: s.cardinal })),
    })),
    redFlags: kb.redFlags.map((r) => ({
      code: r.code,
      message: r.message,
      ...(r.messageUrdu ? { messageUrdu: r.messageUrdu } : {}),
      urgency: r.urgency,
      when: r.when,
    })),
  };
}
