// A treatment plan while it is edited: from a saved plan or a disease's protocol, to the API's request.
import {
  type DiseaseDetail,
  durationUnits,
  type PlanRequest,
  type PlanView,
  Prescription,
  prescriptionFrequencies,
  prescriptionRoutes,
  prescriptionUnits,
  readPrescription,
  savedInParts,
  type Temperament,
  TreatmentKind,
  temperaments,
} from '@unani/contracts';
import { z } from 'zod';

export const DraftItem = z.object({
  key: z.string(),
  kind: TreatmentKind,
  formulationCode: z.string().optional(),
  singleDrugCode: z.string().optional(),
  /** The formulary entry's name; empty for a free-text item. */
  name: z.string(),
  /** For a formulary entry: how to take it; otherwise the item itself. */
  text: z.string(),
  /** A medicine's dose in parts, as typed: "5" or "5–7" in the amount and duration boxes. */
  amount: z.string().default(''),
  unit: z.enum([...prescriptionUnits, '']).default(''),
  frequency: z.enum([...prescriptionFrequencies, '']).default(''),
  route: z.enum(prescriptionRoutes).default('oral'),
  duration: z.string().default(''),
  durationUnit: z.enum([...durationUnits, '']).default(''),
  avoid: z.boolean(),
  /** The knowledge base marks the item (or the protocol it came from) for review. */
  review: z.boolean().optional(),
});
export type DraftItem = z.infer<typeof DraftItem>;
export type DraftDose = Pick<DraftItem, 'amount' | 'unit' | 'frequency' | 'route' | 'duration' | 'durationUnit'>;

/** Everything the plan editor edits: what autosave sends and what is kept on the device until it is sent. */
export const PlanEdits = z.object({ items: z.array(DraftItem), advice: z.string(), followUp: z.string() });
export type PlanEdits = z.infer<typeof PlanEdits>;

export const NO_DOSE: DraftDose = {
  amount: '',
  unit: '',
  frequency: '',
  route: 'oral',
  duration: '',
  durationUnit: '',
};

let nextKey = 0;
export const newKey = () => `item-${++nextKey}`;

const range = (low?: number, high?: number) =>
  low === undefined ? '' : high === undefined ? `${low}` : `${low}–${high}`;

/** The boxes of the dose editor for a prescription. */
export function draftDose(p: Prescription | null | undefined): DraftDose {
  if (!p) return NO_DOSE;
  return {
    amount: range(p.amount, p.amountMax),
    unit: p.unit,
    frequency: p.frequency ?? '',
    route: p.route,
    duration: range(p.duration, p.durationMax),
    durationUnit: p.durationUnit ?? '',
  };
}

/** "5" or "5–7" (a hyphen or an en dash, spaces allowed) as numbers; undefined when it is not a number or range. */
export function readRange(text: string): { low: number; high?: number } | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:[–-]\s*(\d+(?:\.\d+)?))?\s*$/.exec(text);
  if (!m) return undefined;
  return m[2] === undefined ? { low: Number(m[1]) } : { low: Number(m[1]), high: Number(m[2]) };
}

/** The prescription the boxes make, or why they make none (undefined: nothing typed). */
export function prescriptionOf(d: DraftDose): {
  prescription?: Prescription;
  problem?: 'amount' | 'duration' | 'unit';
} {
  const nothing = !d.amount.trim() && !d.unit && !d.frequency && !d.duration.trim() && !d.durationUnit;
  if (nothing) return {};
  if (!d.unit) return { problem: 'unit' };
  const amount = readRange(d.amount);
  if (d.unit !== 'qs' && !amount) return { problem: 'amount' };
  const duration = d.duration.trim() ? readRange(d.duration) : undefined;
  if ((d.duration.trim() && !duration) || (duration && !d.durationUnit)) return { problem: 'duration' };
  const parsed = Prescription.safeParse({
    ...(amount ? { amount: amount.low, ...(amount.high !== undefined ? { amountMax: amount.high } : {}) } : {}),
    unit: d.unit,
    ...(d.frequency ? { frequency: d.frequency } : {}),
    route: d.route,
    ...(duration
      ? {
          duration: duration.low,
          ...(duration.high !== undefined ? { durationMax: duration.high } : {}),
          durationUnit: d.durationUnit,
        }
      : {}),
  });
  if (parsed.success) return { prescription: parsed.data };
  const field = parsed.error.issues[0]?.path[0];
  return {
    problem: field === 'duration' || field === 'durationMax' || field === 'durationUnit' ? 'duration' : 'amount',
  };
}

/** Instructions with the words a reading of the dose left over, without repeating them. */
const joinWords = (...parts: (string | null | undefined)[]) =>
  parts.filter((p): p is string => Boolean(p?.trim())).join('; ');

export function fromPlan(plan: PlanView): DraftItem[] {
  return plan.items.map((i) => {
    const coded = Boolean(i.formulationCode || i.singleDrugCode);
    // A plan saved with parts has its words written from them; one saved as words is read into parts here, and
    // the words the reading cannot hold join the instructions.
    const read = savedInParts(i)
      ? { prescription: i.prescription ?? undefined, instructions: '' }
      : readPrescription(i.dose, i.duration);
    return {
      key: newKey(),
      kind: i.kind,
      ...(i.formulationCode ? { formulationCode: i.formulationCode } : {}),
      ...(i.singleDrugCode ? { singleDrugCode: i.singleDrugCode } : {}),
      name: coded ? i.name : '',
      text: i.kind === 'dawa' && coded ? joinWords(i.text, read.instructions) : i.text,
      ...(i.kind === 'dawa' ? draftDose(read.prescription) : NO_DOSE),
      avoid: i.avoid,
      review: i.review,
    };
  });
}

type Protocol = NonNullable<DiseaseDetail['protocol']>;

/** The humoural types the protocol treats differently, in the vocabulary's order; empty when it has one treatment. */
export function protocolTypes(protocol: Protocol): Temperament[] {
  const named = new Set(protocol.items.flatMap((i) => i.forTypes ?? []));
  return temperaments.filter((t) => named.has(t));
}

/**
 * The plan's items from the protocol: those of every type, and those of `type` when one is chosen (the items of the
 * other types would treat a different disease state: cooling where warming is needed).
 */
export function fromProtocol(protocol: Protocol, type?: Temperament | null): DraftItem[] {
  const ofType = protocol.items.filter((i) => !i.forTypes || (type != null && i.forTypes.includes(type)));
  return ofType.map((i) => ({
    review: protocol.review && Boolean(i.formulation || i.singleDrug),
    key: newKey(),
    kind: i.kind,
    ...(i.formulation ? { formulationCode: i.formulation.code } : {}),
    ...(i.singleDrug ? { singleDrugCode: i.singleDrug.code } : {}),
    name: i.formulation?.name ?? i.singleDrug?.name ?? '',
    text: i.kind === 'dawa' && (i.formulation || i.singleDrug) ? joinWords(i.text, i.instructions) : (i.text ?? ''),
    ...(i.kind === 'dawa' ? draftDose(i.prescription) : NO_DOSE),
    avoid: i.avoid,
  }));
}

/** The display name of an item: its formulary name, else its text, else `fallback`. */
export const itemName = (i: DraftItem, fallback = 'new item') => i.name || i.text.trim() || fallback;

export function toPlanRequest(items: DraftItem[], advice: string, followUp: string): PlanRequest {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    items: items.map((i) => {
      const { prescription, problem } = i.kind === 'dawa' ? prescriptionOf(i) : {};
      return {
        kind: i.kind,
        ...(i.formulationCode ? { formulationCode: i.formulationCode } : {}),
        ...(i.singleDrugCode ? { singleDrugCode: i.singleDrugCode } : {}),
        text: i.text.trim(),
        ...(prescription ? { prescription } : {}),
        // Boxes that make no dose are sent as words, so nothing typed is lost; the editor marks them to fix.
        ...(problem
          ? { dose: optional(`${i.amount} ${i.unit}`), duration: optional(`${i.duration} ${i.durationUnit}`) }
          : {}),
        avoid: i.kind === 'ghiza' && i.avoid,
      };
    }),
    advice: optional(advice),
    followUp: optional(followUp),
  };
}
