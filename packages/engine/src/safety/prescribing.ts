// Prescribing checks for one visit: a dose above the remedy's daily maximum, a contraindication that matches the
// patient (pregnancy, breastfeeding, age, a condition the findings show or the record lists), a recorded allergy, a
// toxic remedy, an adult dose for a child, a drug whose Mizaj adds to the patient's and the disease's. Each is a warning beside the item, never a silent block: the
// practitioner decides.
import { type AvoidIn, dailyAmount, type PrescribingWarning } from '@unani/contracts';
import type { EngineDisease, EngineKnowledge, EngineRemedy, Finding, PatientContext } from '../types.ts';
import { couldBePregnant } from './redFlags.ts';
import { temperamentCaution } from './temperamentCaution.ts';
import { RAISED_BP } from './vitalFindings.ts';

export interface PrescribedItem {
  kind: 'dawa' | 'ghiza' | 'tadbeer' | 'advice';
  formulationCode?: string | null;
  singleDrugCode?: string | null;
  dose?: string | null;
}

/** Children are dosed separately under 12 years (the formularies' "adult dose" is for 12 and over). */
export const CHILD_BELOW_YEARS = 12;
export const INFANT_BELOW_YEARS = 1;

/** The findings that show each condition in a visit (present and certain, after the symptom hierarchy). */
const CONDITION_FINDINGS: Partial<Record<AvoidIn, string[]>> = {
  hypertension: ['raised-blood-pressure', 'very-high-blood-pressure'],
  epilepsy: ['seizure'],
  'heart-disease': ['palpitation', 'exertional-chest-pain', 'orthopnoea'],
  'liver-disease': ['yellow-skin', 'yellow-eyes', 'hepatomegaly', 'ascites'],
  'kidney-disease': ['no-urine', 'decreased-urine'],
  diabetes: ['known-diabetes', 'high-blood-sugar'],
  'peptic-ulcer': ['haematemesis', 'baraz-aswad', 'hunger-pain'],
  'bleeding-disorder': ['bleeding-tendency', 'petechial-rash'],
};

const AVOID_WORDS: Record<AvoidIn, string> = {
  pregnancy: 'pregnancy',
  breastfeeding: 'breastfeeding',
  children: 'children',
  infants: 'infants',
  hypertension: 'raised blood pressure',
  epilepsy: 'epilepsy or fits',
  'heart-disease': 'heart disease',
  'liver-disease': 'liver disease',
  'kidney-disease': 'kidney disease',
  diabetes: 'diabetes',
  'peptic-ulcer': 'peptic ulcer',
  'bleeding-disorder': 'bleeding disorders',
};

/** A measured pressure of 140/90 or more (NICE NG136), whether or not the knowledge base holds the finding. */
function raisedPressure(context: PatientContext): boolean {
  const v = context.vitals;
  return (v?.systolic ?? 0) >= RAISED_BP[0] || (v?.diastolic ?? 0) >= RAISED_BP[1];
}

function remedyOf(item: PrescribedItem, remedies: ReadonlyMap<string, EngineRemedy>): EngineRemedy | undefined {
  if (item.formulationCode) return remedies.get(`formulation:${item.formulationCode}`);
  if (item.singleDrugCode) return remedies.get(`singleDrug:${item.singleDrugCode}`);
  return undefined;
}

const remedyTables = new WeakMap<EngineKnowledge, Map<string, EngineRemedy>>();
function remedyTable(knowledge: EngineKnowledge): Map<string, EngineRemedy> {
  let table = remedyTables.get(knowledge);
  if (!table) {
    table = new Map((knowledge.remedies ?? []).map((r) => [`${r.kind}:${r.code}`, r]));
    remedyTables.set(knowledge, table);
  }
  return table;
}

function contraindications(remedy: EngineRemedy, context: PatientContext, present: ReadonlySet<string>) {
  const out: PrescribingWarning[] = [];
  const age = context.ageYears;
  const mayBePregnant = couldBePregnant(context);
  const recorded = new Set<AvoidIn>(context.knownConditions ?? []);
  for (const avoid of remedy.avoidIn) {
    const what = AVOID_WORDS[avoid];
    const danger = (message: string) => out.push({ kind: 'contraindication', level: 'danger', message });
    const check = (message: string) => out.push({ kind: 'confirm', level: 'check', message });
    switch (avoid) {
      case 'pregnancy':
        if (context.pregnant) danger(`${remedy.name} is contraindicated in pregnancy, and this patient is pregnant.`);
        else if (context.pregnant === undefined && mayBePregnant)
          check(`${remedy.name} is contraindicated in pregnancy: confirm the patient is not pregnant.`);
        break;
      case 'children':
      case 'infants': {
        const limit = avoid === 'children' ? CHILD_BELOW_YEARS : INFANT_BELOW_YEARS;
        if (age === undefined) check(`${remedy.name} is not for ${what}: confirm the patient's age.`);
        else if (age < limit)
          danger(
            `${remedy.name} is contraindicated in ${what}, and this patient is ${age < 1 ? 'an infant' : 'a child'}.`,
          );
        break;
      }
      case 'hypertension':
        if (recorded.has('hypertension'))
          danger(`${remedy.name} is contraindicated in raised blood pressure, which the patient's record lists.`);
        else if ((CONDITION_FINDINGS.hypertension ?? []).some((c) => present.has(c)) || raisedPressure(context))
          danger(`${remedy.name} is contraindicated in raised blood pressure, which this visit records.`);
        else if (context.vitals?.systolic === undefined)
          check(`${remedy.name} is contraindicated in raised blood pressure: measure the blood pressure first.`);
        break;
      case 'breastfeeding':
        if (context.breastfeeding) danger(`${remedy.name} is not for breastfeeding mothers, and this patient is one.`);
        else if (context.breastfeeding === undefined && mayBePregnant)
          check(`${remedy.name} is not for breastfeeding mothers: ask whether she is breastfeeding.`);
        break;
      default:
        if (recorded.has(avoid))
          danger(`${remedy.name} is contraindicated in ${what}, which the patient's record lists.`);
        else if ((CONDITION_FINDINGS[avoid] ?? []).some((c) => present.has(c)))
          danger(`${remedy.name} is contraindicated in ${what}, which this visit's findings suggest.`);
    }
  }
  return out;
}

const diseaseTables = new WeakMap<EngineKnowledge, Map<string, EngineDisease>>();
function diseaseOf(knowledge: EngineKnowledge, code: string | undefined): EngineDisease | undefined {
  if (!code) return undefined;
  let table = diseaseTables.get(knowledge);
  if (!table) {
    table = new Map(knowledge.diseases.map((d) => [d.code, d]));
    diseaseTables.set(knowledge, table);
  }
  return table.get(code);
}

/**
 * The warnings for each item of a plan, in order, for a patient with this context and these findings (closed under
 * the symptom hierarchy, vital signs included) and the visit's confirmed disease, when there is one. Items that name
 * no remedy of the formulary get none.
 */
export function checkPrescription(
  items: readonly PrescribedItem[],
  context: PatientContext,
  findings: readonly Finding[],
  knowledge: EngineKnowledge,
  diseaseCode?: string,
): PrescribingWarning[][] {
  const remedies = remedyTable(knowledge);
  const disease = diseaseOf(knowledge, diseaseCode);
  const present = new Set(findings.filter((f) => f.present && !f.uncertain).map((f) => f.symptom));
  return items.map((item) => {
    const remedy = remedyOf(item, remedies);
    if (!remedy) return [];
    const warnings: PrescribingWarning[] = [];
    const daily = item.dose ? dailyAmount(item.dose) : undefined;
    const max = remedy.maxDailyDose;
    if (daily && max && daily.unit === max.unit && daily.amount > max.amount)
      warnings.push({
        kind: 'dose',
        level: 'danger',
        message: `${item.dose} is ${show(daily)} a day, above the maximum of ${show(max)} a day for ${remedy.name}.`,
      });
    warnings.push(...contraindications(remedy, context, present), ...allergyWarnings(remedy, context.allergies ?? []));
    const mizaj = temperamentCaution(remedy, context.temperament, disease);
    if (mizaj) warnings.push(mizaj);
    const age = context.ageYears;
    if (item.kind === 'dawa' && age !== undefined && age < CHILD_BELOW_YEARS && !remedy.avoidIn.includes('children'))
      warnings.push({
        kind: 'child-dose',
        level: 'check',
        message: remedy.childDose
          ? `Child's dose of ${remedy.name}: ${remedy.childDose}.`
          : `The formulary gives an adult dose of ${remedy.name}; no child's dose is recorded — reduce it for this child's age and weight.`,
      });
    if (remedy.toxic)
      warnings.push({
        kind: 'toxic',
        level: 'check',
        message:
          remedy.cautions.length > 0
            ? `${remedy.name} is toxic: ${remedy.cautions.join(' ')}`
            : `${remedy.name} is toxic and its caution is missing from the knowledge base: do not prescribe until it is checked.`,
      });
    return warnings;
  });
}

function show({ amount, unit }: { amount: number; unit: string }): string {
  return unit === 'mg' && amount >= 1000 ? `${amount / 1000} g` : `${amount} ${unit}`;
}

const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * A recorded allergy that one of the remedy's names (its own or an ingredient's) contains, or is contained in, as
 * whole words: "honey" matches the ingredient "Asal (Honey)". Allergy lines may list several, split at , ; / "and".
 */
function allergyWarnings(remedy: EngineRemedy, allergies: readonly string[]): PrescribingWarning[] {
  const names = (remedy.names ?? [remedy.name]).map((n) => ({ name: n, words: words(n) }));
  const terms = allergies
    .flatMap((line) => line.split(/[,;/]|\band\b|\bor\b/i))
    .map((t) => words(t))
    .filter((t) => t.trim().length >= 3);
  const out: PrescribingWarning[] = [];
  for (const term of new Set(terms)) {
    const match = names.find((n) => n.words.includes(term) || (n.words.trim().length >= 4 && term.includes(n.words)));
    if (match)
      out.push({
        kind: 'allergy',
        level: 'danger',
        message: `The patient's record lists an allergy to ${term.trim()}; ${remedy.name} ${
          match.name === remedy.name ? 'is' : `contains ${match.name}`
        }.`,
      });
  }
  return out;
}
