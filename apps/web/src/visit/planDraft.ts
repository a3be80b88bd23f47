// A treatment plan while it is edited: from a saved plan or a disease's protocol, to the API's request.
import { type DiseaseDetail, type PlanRequest, type PlanView, TreatmentKind } from '@unani/contracts';
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
  dose: z.string(),
  duration: z.string(),
  avoid: z.boolean(),
});
export type DraftItem = z.infer<typeof DraftItem>;

/** Everything the plan editor edits: what autosave sends and what is kept on the device until it is sent. */
export const PlanEdits = z.object({ items: z.array(DraftItem), advice: z.string(), followUp: z.string() });
export type PlanEdits = z.infer<typeof PlanEdits>;

let nextKey = 0;
export const newKey = () => `item-${++nextKey}`;

export function fromPlan(plan: PlanView): DraftItem[] {
  return plan.items.map((i) => {
    const coded = Boolean(i.formulationCode || i.singleDrugCode);
    return {
      key: newKey(),
      kind: i.kind,
      ...(i.formulationCode ? { formulationCode: i.formulationCode } : {}),
      ...(i.singleDrugCode ? { singleDrugCode: i.singleDrugCode } : {}),
      name: coded ? i.name : '',
      text: i.text,
      dose: i.dose ?? '',
      duration: i.duration ?? '',
      avoid: i.avoid,
    };
  });
}

export function fromProtocol(protocol: NonNullable<DiseaseDetail['protocol']>): DraftItem[] {
  return protocol.items.map((i) => ({
    key: newKey(),
    kind: i.kind,
    ...(i.formulation ? { formulationCode: i.formulation.code } : {}),
    ...(i.singleDrug ? { singleDrugCode: i.singleDrug.code } : {}),
    name: i.formulation?.name ?? i.singleDrug?.name ?? '',
    text: i.text ?? '',
    dose: i.dose ?? '',
    duration: i.duration ?? '',
    avoid: i.avoid,
  }));
}

/** The display name of an item: its formulary name, else its text, else `fallback`. */
export const itemName = (i: DraftItem, fallback = 'new item') => i.name || i.text.trim() || fallback;

export function toPlanRequest(items: DraftItem[], advice: string, followUp: string): PlanRequest {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    items: items.map((i) => ({
      kind: i.kind,
      ...(i.formulationCode ? { formulationCode: i.formulationCode } : {}),
      ...(i.singleDrugCode ? { singleDrugCode: i.singleDrugCode } : {}),
      text: i.text.trim(),
      dose: optional(i.dose),
      duration: optional(i.duration),
      avoid: i.kind === 'ghiza' && i.avoid,
    })),
    advice: optional(advice),
    followUp: optional(followUp),
  };
}
