// How well the leading diseases account for what the patient reports: the share of the reported complaints that one
// of them lists (the finding itself or a more general one it lists). When no leader accounts for enough of them, the
// presentation lies outside what the knowledge base holds, and the least-bad disease must not be shown as likely.
import { ancestry } from '../knowledge/hierarchy.ts';
import type { Finding } from '../types.ts';
import type { DiagnosisModel } from './artifact.ts';
import type { KnowledgeModel } from './knowledgeModel.ts';

/** Leaders whose fit is checked: the practitioner sees about this many. */
export const LEADERS_CHECKED = 3;
/** Below this share of complaints accounted for by every leader, the answer is "outside the knowledge base". */
export const OUTSIDE_FIT = 0.6;
/**
 * With fewer reported complaints than this the fit says too little: two complaints that no leader lists together
 * are as often a common disease described loosely as an uncommon one.
 */
export const MIN_COMPLAINTS_FOR_FIT = 3;

const ancestorIndices = new WeakMap<KnowledgeModel, ReadonlyArray<readonly number[]>>();

/** Each symptom's more general findings, as feature indices, built once per model. */
function ancestorsOf(model: DiagnosisModel): ReadonlyArray<readonly number[]> {
  let table = ancestorIndices.get(model.knowledgeModel);
  if (!table) {
    const ancestors = ancestry(model.knowledge);
    table = model.space.symptoms.map((code) =>
      (ancestors.get(code) ?? []).flatMap((a) => {
        const i = model.space.symptomIndex.get(a);
        return i === undefined ? [] : [i];
      }),
    );
    ancestorIndices.set(model.knowledgeModel, table);
  }
  return table;
}

export interface Fit {
  /** The largest share of the reported complaints one of the leaders accounts for (1 when none is reported). */
  share: number;
  /** Reported complaints: findings stated present without doubt that the knowledge base knows. */
  complaints: number;
  /** The leading disease's probability. */
  leader: number;
}

/**
 * The fit of the best of `leaders` (disease indices, most probable first) to the complaints among `findings` as
 * reported; `leaderProbability` is the first leader's probability.
 */
export function fitOf(
  findings: readonly Finding[],
  leaders: readonly number[],
  leaderProbability: number,
  model: DiagnosisModel,
): Fit {
  const { space, knowledgeModel: km } = model;
  const S = km.symptomCount;
  const ancestors = ancestorsOf(model);
  const complaints = [
    ...new Set(
      findings.flatMap((f) => {
        const i = f.present && !f.uncertain ? space.symptomIndex.get(f.symptom) : undefined;
        return i === undefined ? [] : [i];
      }),
    ),
  ];
  if (complaints.length === 0) return { share: 1, complaints: 0, leader: leaderProbability };
  let share = 0;
  for (const d of leaders.slice(0, LEADERS_CHECKED)) {
    const lists = (i: number) => km.listed[d * S + i] === 1;
    const accounted = complaints.filter((i) => lists(i) || (ancestors[i] ?? []).some(lists)).length;
    share = Math.max(share, accounted / complaints.length);
  }
  return { share, complaints: complaints.length, leader: leaderProbability };
}

/**
 * A leader at least this probable is shown alone (diagnose's CONFIDENT_TOP_PROBABILITY): one disease explains the
 * findings far better than any other, so they are not outside the base even if it lists few of them ("hiccups for
 * two days, won't stop with water" is hiccups, however little else of the sentence was read).
 */
export const CONFIDENT_LEADER = 0.9;

/**
 * A complaint at least this long that yields one or two complaint-findings, and fewer findings than one per
 * WORDS_PER_FINDING words (by the number of complaints read), describes something the knowledge base has no words
 * for, unless a disease is more likely than not (LIKELY_LEADER). One that yields no complaint at all needs only the
 * sparse reading. The thresholds, like the two above, were chosen on the development halves (outside-dev.csv against
 * vignettes-dev.csv and vignettes2-dev.csv) to keep in-knowledge complaints well under 10 %: patients' own wordy
 * English yields few findings per word even for diseases the base holds.
 */
export const MIN_WORDS_FOR_COVERAGE = 16;
export const WORDS_PER_FINDING: Readonly<Record<0 | 1 | 2, number>> = { 0: 22, 1: 22, 2: 10 };
export const LIKELY_LEADER = 0.5;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Whether the presentation lies outside what the knowledge base holds: enough complaints that no leading disease
 * accounts for, or a long `complaint` (the text `findings` were read from, when there is one) of which little could
 * be read and that no disease explains well; never when one disease leads with confidence.
 */
export function isOutsideKnowledge(fit: Fit, findings: readonly Finding[], complaint?: string): boolean {
  if (fit.complaints > 0 && fit.leader >= CONFIDENT_LEADER) return false;
  if (fit.complaints >= MIN_COMPLAINTS_FOR_FIT) return fit.share < OUTSIDE_FIT;
  if (complaint === undefined || fit.complaints > 2) return false;
  if (fit.complaints > 0 && fit.leader >= LIKELY_LEADER) return false;
  const words = complaint.match(WORD)?.length ?? 0;
  // Findings read from the text carry a span in it; picked ones do not.
  const read = findings.filter((f) => f.span !== undefined).length;
  return words >= MIN_WORDS_FOR_COVERAGE && read * WORDS_PER_FINDING[fit.complaints as 0 | 1 | 2] < words;
}
