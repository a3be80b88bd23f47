// Scores the Ajnas-e-Ashra questionnaire: the answers' leans are added on two axes, hot against cold and moist
// against dry, and the signs of the two sums name the temperament. Pure, so the form can show the result as the
// practitioner answers and the API can store exactly what the form showed.
import type { Temperament } from '../vocabulary.ts';
import { type MizajQuestion, mizajQuestions, NOT_KNOWN, temperamentOf } from './questionnaire.ts';

/** Fewer answers than this (of twelve) say too little to name a temperament. */
export const MIN_ANSWERED = 6;

/** Question id → answer id (or NOT_KNOWN); a question left out is not known. */
export type MizajAnswerMap = Readonly<Partial<Record<string, string>>>;

/** Why no temperament was named: too few answers, or an axis whose answers cancel out (or were never asked). */
export type MizajUndecided = 'too-few-answers' | 'hot-cold-undecided' | 'moist-dry-undecided';

export interface MizajScore {
  /** Questions answered with something other than "not known". */
  answered: number;
  total: number;
  /** The sum of the answers' leans: above 0 hot, below 0 cold. */
  hotCold: number;
  /** Above 0 moist, below 0 dry. */
  moistDry: number;
  temperament: Temperament | null;
  /**
   * 0–1: the weaker axis's margin (its sum over the answered questions that bear on it, so 1 when they all lean the
   * same way) times the share of the questions answered. 0 when no temperament is named.
   */
  confidence: number;
  undecided?: MizajUndecided;
}

const bearsOnHeat = (q: MizajQuestion) => q.answers.some((a) => a.hot !== 0);
const bearsOnMoisture = (q: MizajQuestion) => q.answers.some((a) => a.moist !== 0);
const twoPlaces = (x: number) => Math.round(x * 100) / 100;

/** The score of a set of answers; an answer id the question does not have counts as not known. */
export function scoreMizaj(answers: MizajAnswerMap, questions: readonly MizajQuestion[] = mizajQuestions): MizajScore {
  let answered = 0;
  let hotCold = 0;
  let moistDry = 0;
  let heatQuestions = 0;
  let moistureQuestions = 0;
  for (const question of questions) {
    const chosen = answers[question.id];
    const option = chosen === NOT_KNOWN ? undefined : question.answers.find((a) => a.id === chosen);
    if (!option) continue;
    answered += 1;
    hotCold += option.hot;
    moistDry += option.moist;
    if (bearsOnHeat(question)) heatQuestions += 1;
    if (bearsOnMoisture(question)) moistureQuestions += 1;
  }
  const score = { answered, total: questions.length, hotCold, moistDry };
  const undecided: MizajUndecided | undefined =
    answered < MIN_ANSWERED
      ? 'too-few-answers'
      : hotCold === 0
        ? 'hot-cold-undecided'
        : moistDry === 0
          ? 'moist-dry-undecided'
          : undefined;
  if (undecided) return { ...score, temperament: null, confidence: 0, undecided };
  const margin = Math.min(Math.abs(hotCold) / heatQuestions, Math.abs(moistDry) / moistureQuestions);
  return {
    ...score,
    temperament: temperamentOf(hotCold > 0 ? 'hot' : 'cold', moistDry > 0 ? 'moist' : 'dry'),
    confidence: twoPlaces(margin * (answered / questions.length)),
  };
}
