// The formulary entries a plan names, by code: one IN query for formulations and one for single drugs.
import type { DbTx } from '../db/prisma.ts';

export interface FormularyEntry {
  code: string;
  name: string;
  urduName: string | null;
  review: boolean;
}

interface ItemCodes {
  formulationCode?: string | null;
  singleDrugCode?: string | null;
}

/** The formulations and the single drugs the items name that the formulary holds, each by code. */
export async function formularyMaps(db: DbTx, items: readonly ItemCodes[]) {
  const codes = (pick: (i: ItemCodes) => string | null | undefined) => items.flatMap((i) => pick(i) ?? []);
  const select = { code: true, name: true, urduName: true, review: true } as const;
  const [formulations, drugs] = await Promise.all([
    db.formulation.findMany({ where: { code: { in: codes((i) => i.formulationCode) } }, select }),
    db.singleDrug.findMany({ where: { code: { in: codes((i) => i.singleDrugCode) } }, select }),
  ]);
  const byCode = (rows: FormularyEntry[]) => new Map(rows.map((r) => [r.code, r]));
  return { formulations: byCode(formulations), drugs: byCode(drugs) };
}

export async function formularyEntries(db: DbTx, items: readonly ItemCodes[]) {
  const { formulations: f, drugs: d } = await formularyMaps(db, items);
  /** The entry an item names, if the formulary holds it. */
  return (item: ItemCodes): FormularyEntry | undefined =>
    (item.formulationCode ? f.get(item.formulationCode) : undefined) ??
    (item.singleDrugCode ? d.get(item.singleDrugCode) : undefined);
}
