// Triage: how soon the patient needs care, from the red flags that fired and, when none did, from whether every
// complaint is a minor one a patient may care for at home. The level never depends on the differential.
import type { Triage, TriageLevel } from '@unani/contracts';
import type { EngineKnowledge, Finding, PatientContext } from '../types.ts';
import type { RedFlagResult } from './redFlags.ts';

/** Minor complaints lasting longer than this need a practitioner (NHS advice: see a GP after 2–3 weeks). */
export const SELF_CARE_MAX_DAYS = 14;
/** Infants under one year are examined, never left to home care (NICE NG143). */
export const SELF_CARE_MIN_AGE_YEARS = 1;
/** A fever under five years is assessed by a practitioner (WHO IMCI: assess every febrile child). */
export const FEVER_SELF_CARE_MIN_AGE_YEARS = 5;

export const TRIAGE_ADVICE: Record<TriageLevel, { en: string; ur: string }> = {
  emergency: {
    en: 'Go to a hospital emergency department now, or call an ambulance (1122 in Pakistan, 108 or 112 in India). Do not wait for Unani treatment to act.',
    ur: 'فوراً ہسپتال کے ایمرجنسی شعبے میں جائیں یا ایمبولینس بلائیں (پاکستان میں 1122، بھارت میں 108 یا 112)۔ یونانی علاج کے اثر کا انتظار نہ کریں۔',
  },
  urgent: {
    en: 'See a medical doctor today, within 24 hours, for assessment before or alongside Unani treatment.',
    ur: 'آج ہی، 24 گھنٹوں کے اندر، کسی ڈاکٹر کو دکھائیں اور یونانی علاج سے پہلے یا اس کے ساتھ طبی معائنہ کروائیں۔',
  },
  consult: {
    en: 'A routine visit: the practitioner examines and treats. Come back sooner if it gets worse or new complaints appear.',
    ur: 'معمول کا معائنہ: معالج معائنہ کر کے علاج تجویز کرے۔ تکلیف بڑھے یا نئی شکایت ہو تو جلد دوبارہ آئیں۔',
  },
  selfcare: {
    en: 'Can be cared for at home with rest, fluids and the advice given. See a practitioner if not better in a few days or if it gets worse.',
    ur: 'آرام، پانی اور دی گئی ہدایات کے ساتھ گھر پر دیکھ بھال کی جا سکتی ہے۔ چند دن میں افاقہ نہ ہو یا تکلیف بڑھے تو معالج سے رجوع کریں۔',
  },
};

const ASK_REASON = {
  age: 'The age decides whether a rule for infants or children applies: record it.',
  pregnancy: 'Whether the patient is pregnant decides whether a pregnancy warning applies: ask and record it.',
} as const;

const minorTables = new WeakMap<EngineKnowledge, ReadonlySet<string>>();

/** The codes of minor, self-limiting complaints, once per knowledge base. */
function minorComplaints(knowledge: EngineKnowledge): ReadonlySet<string> {
  let minor = minorTables.get(knowledge);
  if (!minor) {
    minor = new Set(knowledge.symptoms.filter((s) => s.selfCare).map((s) => s.code));
    minorTables.set(knowledge, minor);
  }
  return minor;
}

function selfCareBlocker(
  present: readonly Finding[],
  context: PatientContext,
  knowledge: EngineKnowledge,
): string | undefined {
  if (present.length === 0) return 'No complaint was recognised: the practitioner should take the history.';
  if (context.pregnant) return 'Pregnant: every complaint is seen by a practitioner.';
  const age = context.ageYears;
  if (age !== undefined && age < SELF_CARE_MIN_AGE_YEARS) return 'An infant is always examined.';
  const minor = minorComplaints(knowledge);
  const major = present.filter((f) => !minor.has(f.symptom));
  if (major.length > 0) return `Needs examination: ${major.map((f) => f.name).join(', ')}.`;
  const severe = present.filter((f) => f.severity === 'severe');
  if (severe.length > 0) return `Graded severe: ${severe.map((f) => f.name).join(', ')}.`;
  const long = present.filter((f) => (f.durationDays ?? 0) > SELF_CARE_MAX_DAYS);
  if (long.length > 0) return `Lasting over ${SELF_CARE_MAX_DAYS} days: ${long.map((f) => f.name).join(', ')}.`;
  if (age !== undefined && age < FEVER_SELF_CARE_MIN_AGE_YEARS && present.some((f) => f.symptom === 'fever'))
    return 'Fever in a child under five is assessed by a practitioner.';
  return undefined;
}

/**
 * The triage of a visit: `emergency` or `urgent` when a red flag of that urgency fired, else `selfcare` when every
 * present finding is a minor self-limiting complaint (none severe, none long-lasting, not an infant or a pregnancy),
 * else `consult`. Facts that would let a pending rule decide are listed in `ask`.
 */
export function triage(
  closedFindings: readonly Finding[],
  context: PatientContext,
  flags: RedFlagResult,
  knowledge: EngineKnowledge,
): Triage {
  const ask = [...new Set(flags.pending.map((p) => p.needs))].map((field) => ({ field, reason: ASK_REASON[field] }));
  const flagReasons = flags.fired.map((f) => ({
    code: f.code,
    text: f.message,
    findings: f.triggeredBy.map((t) => t.symptom),
  }));
  const top = flags.fired[0]?.urgency;
  const present = closedFindings.filter((f) => f.present && !f.uncertain);
  let level: TriageLevel;
  let reasons = flagReasons;
  if (top) level = top;
  else {
    const blocker = selfCareBlocker(present, context, knowledge);
    const pendingBlocks = flags.pending.length > 0;
    level = blocker || pendingBlocks ? 'consult' : 'selfcare';
    reasons = [
      {
        code: level === 'selfcare' ? 'minor-complaints' : 'routine-assessment',
        text:
          level === 'selfcare'
            ? 'Only minor, self-limiting complaints, none severe or long-lasting, and no warning sign.'
            : (blocker ?? 'A warning may apply once the missing facts are known.'),
        findings: present.map((f) => f.symptom),
      },
    ];
  }
  return { level, reasons, advice: TRIAGE_ADVICE[level].en, adviceUrdu: TRIAGE_ADVICE[level].ur, ask };
}
