// One knowledge entry in full, read straight from the tables: a disease with its symptoms, protocol and
// sources; a symptom with the diseases that list it; a single drug with the formulations that contain it;
// a formulation with its ingredients. A few queries per entry, none per row.
import type { DiseaseDetail, FormulationDetail, SingleDrugDetail, SymptomDetail, UrduNames } from '@unani/contracts';
import { DosageForm, Humour, OrganSystem, readPrescription, SymptomKind, Temperament } from '@unani/contracts';
import { z } from 'zod';
import type { DbTx } from '../db/prisma.ts';
import { notFound } from './domainErrors.ts';
import { citations } from './knowledgeSources.ts';

/** JSON list columns as the seeder wrote them; anything else reads as an empty list. */
export const jsonStrings = (value: unknown) => z.array(z.string()).catch([]).parse(value);
export const jsonTemperaments = (value: unknown) => z.array(Temperament).catch([]).parse(value);
/** A protocol item's types as stored (JSON), or null for an item of every type. */
const typesOf = (value: unknown) => (value == null ? null : jsonTemperaments(value));
const byLikelihood = (a: { likelihood: number }, b: { likelihood: number }) => b.likelihood - a.likelihood;

/** Names of the formulations and single drugs a protocol prescribes, one `IN` query each. */
async function prescribedNames(db: DbTx, items: { formulationCode: string | null; singleDrugCode: string | null }[]) {
  const formulationCodes = items.flatMap((i) => (i.formulationCode ? [i.formulationCode] : []));
  const drugCodes = items.flatMap((i) => (i.singleDrugCode ? [i.singleDrugCode] : []));
  const [formulations, drugs] = await Promise.all([
    formulationCodes.length
      ? db.formulation.findMany({ where: { code: { in: formulationCodes } }, select: { code: true, name: true } })
      : [],
    drugCodes.length
      ? db.singleDrug.findMany({ where: { code: { in: drugCodes } }, select: { code: true, name: true } })
      : [],
  ]);
  const names = (rows: { code: string; name: string }[]) => new Map(rows.map((r) => [r.code, r.name]));
  const formulationNames = names(formulations);
  const drugNames = names(drugs);
  // A code missing from the tables (never after a validated seed) still shows, named by its code.
  return {
    formulation: (code: string | null) => (code ? { code, name: formulationNames.get(code) ?? code } : null),
    singleDrug: (code: string | null) => (code ? { code, name: drugNames.get(code) ?? code } : null),
  };
}

export async function getDisease(db: DbTx, code: string): Promise<DiseaseDetail> {
  const d = await db.disease.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      englishName: true,
      urduName: true,
      synonyms: true,
      description: true,
      descriptionUrdu: true,
      descriptionUrduReview: true,
      organSystem: true,
      temperaments: true,
      humours: true,
      numcCode: true,
      icd11Code: true,
      icd10Code: true,
      review: true,
      symptoms: {
        select: { likelihood: true, cardinal: true, symptom: { select: { code: true, name: true, kind: true } } },
      },
      protocol: {
        select: {
          principles: true,
          noDawa: true,
          review: true,
          items: {
            orderBy: { position: 'asc' },
            select: {
              kind: true,
              formulationCode: true,
              singleDrugCode: true,
              text: true,
              textUrdu: true,
              urduReview: true,
              dose: true,
              duration: true,
              avoid: true,
              forTypes: true,
            },
          },
        },
      },
    },
  });
  if (!d) throw notFound(`The disease "${code}"`);
  const [cited, prescribed] = await Promise.all([
    citations(db, [
      { entity: 'disease', code },
      { entity: 'protocol', code },
    ]),
    prescribedNames(db, d.protocol?.items ?? []),
  ]);
  return {
    code: d.code,
    name: d.name,
    englishName: d.englishName,
    urduName: d.urduName,
    synonyms: jsonStrings(d.synonyms),
    description: d.description,
    descriptionUrdu: d.descriptionUrdu,
    descriptionUrduReview: d.descriptionUrduReview,
    organSystem: OrganSystem.parse(d.organSystem),
    temperaments: jsonTemperaments(d.temperaments),
    humours: z.array(Humour).catch([]).parse(d.humours),
    codes: { numc: d.numcCode, icd11: d.icd11Code, icd10: d.icd10Code },
    symptoms: d.symptoms
      .map((s) => ({
        ...s.symptom,
        kind: SymptomKind.parse(s.symptom.kind),
        likelihood: s.likelihood,
        cardinal: s.cardinal,
      }))
      .sort((a, b) => byLikelihood(a, b) || a.name.localeCompare(b.name)),
    protocol: d.protocol && {
      principles: jsonStrings(d.protocol.principles),
      noDawa: d.protocol.noDawa,
      items: d.protocol.items.map((item) => {
        const read = readPrescription(item.dose, item.duration);
        return {
          kind: item.kind,
          formulation: prescribed.formulation(item.formulationCode),
          singleDrug: prescribed.singleDrug(item.singleDrugCode),
          // The seeder stores an item without text as ''.
          text: item.text || null,
          textUrdu: item.textUrdu,
          urduReview: item.urduReview,
          dose: item.dose,
          duration: item.duration,
          prescription: read.prescription ?? null,
          instructions: read.instructions,
          avoid: item.avoid,
          forTypes: typesOf(item.forTypes),
        };
      }),
      sources: cited('protocol', code),
      review: d.protocol.review,
    },
    sources: cited('disease', code),
    review: d.review,
  };
}

/** The Urdu names of every disease and finding that has one, by code. */
export async function urduNames(db: DbTx): Promise<UrduNames> {
  const where = { urduName: { not: null } };
  const select = { code: true, urduName: true } as const;
  const [diseases, symptoms] = await Promise.all([
    db.disease.findMany({ where, select }),
    db.symptom.findMany({ where, select }),
  ]);
  const byCode = (rows: { code: string; urduName: string | null }[]) =>
    Object.fromEntries(rows.map((r) => [r.code, r.urduName as string]));
  return { diseases: byCode(diseases), symptoms: byCode(symptoms) };
}

export async function getSymptom(db: DbTx, code: string): Promise<SymptomDetail> {
  const s = await db.symptom.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      kind: true,
      unaniName: true,
      urduName: true,
      synonyms: true,
      description: true,
      review: true,
      diseases: {
        select: {
          likelihood: true,
          cardinal: true,
          disease: { select: { code: true, name: true, englishName: true } },
        },
      },
    },
  });
  if (!s) throw notFound(`The symptom "${code}"`);
  const cited = await citations(db, [{ entity: 'symptom', code }]);
  return {
    code: s.code,
    name: s.name,
    kind: SymptomKind.parse(s.kind),
    unaniName: s.unaniName,
    urduName: s.urduName,
    synonyms: jsonStrings(s.synonyms),
    description: s.description,
    diseases: s.diseases
      .map((d) => ({ ...d.disease, likelihood: d.likelihood, cardinal: d.cardinal }))
      .sort((a, b) => byLikelihood(a, b) || a.name.localeCompare(b.name)),
    sources: cited('symptom', code),
    review: s.review,
  };
}

export async function getSingleDrug(db: DbTx, code: string): Promise<SingleDrugDetail> {
  const d = await db.singleDrug.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      englishName: true,
      urduName: true,
      botanicalName: true,
      synonyms: true,
      partUsed: true,
      temperament: true,
      actions: true,
      dose: true,
      cautions: true,
      contraindications: true,
      review: true,
      ingredientOf: {
        select: { quantity: true, formulation: { select: { code: true, name: true, dosageForm: true } } },
      },
    },
  });
  if (!d) throw notFound(`The single drug "${code}"`);
  const cited = await citations(db, [{ entity: 'single_drug', code }]);
  const { ingredientOf, synonyms, actions, cautions, contraindications, ...fields } = d;
  return {
    ...fields,
    synonyms: jsonStrings(synonyms),
    actions: jsonStrings(actions),
    cautions: jsonStrings(cautions),
    contraindications: jsonStrings(contraindications),
    formulations: ingredientOf
      .map((i) => ({ ...i.formulation, dosageForm: DosageForm.parse(i.formulation.dosageForm), quantity: i.quantity }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    sources: cited('single_drug', code),
  };
}

export async function getFormulation(db: DbTx, code: string): Promise<FormulationDetail> {
  const f = await db.formulation.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      urduName: true,
      synonyms: true,
      dosageForm: true,
      dose: true,
      indications: true,
      cautions: true,
      contraindications: true,
      review: true,
      ingredients: {
        orderBy: { position: 'asc' },
        select: { name: true, quantity: true, singleDrug: { select: { code: true } } },
      },
    },
  });
  if (!f) throw notFound(`The formulation "${code}"`);
  const cited = await citations(db, [{ entity: 'formulation', code }]);
  return {
    code: f.code,
    name: f.name,
    urduName: f.urduName,
    synonyms: jsonStrings(f.synonyms),
    dosageForm: DosageForm.parse(f.dosageForm),
    ingredients: f.ingredients.map((i) => ({ name: i.name, quantity: i.quantity, drug: i.singleDrug?.code ?? null })),
    dose: f.dose,
    indications: jsonStrings(f.indications),
    cautions: jsonStrings(f.cautions),
    contraindications: jsonStrings(f.contraindications ?? []),
    sources: cited('formulation', code),
    review: f.review,
  };
}
