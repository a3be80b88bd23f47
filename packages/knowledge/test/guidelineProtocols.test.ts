// Protocols that follow the CCRUM Standard Unani Treatment Guidelines keep to the medicines the guideline names.
// The guideline's records are in data/external/stg-utagger (see data/external/PROVENANCE.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectKnowledge } from './projectKnowledge.ts';

const dataDir = (path: string) => fileURLToPath(new URL(`../../../data/${path}`, import.meta.url));

interface GuidelineRecord {
  disease_persian: string[];
  comp_drug: string[];
  pharmacotherapy: string[];
}

const guideline = (
  JSON.parse(readFileSync(dataDir('external/stg-utagger/diseases.json'), 'utf8')) as { diseases: GuidelineRecord[] }
).diseases;
const knowledge = projectKnowledge();

function protocolFormulations(disease: string): string[] {
  const entry = knowledge.diseases.find((d) => d.code === disease);
  return (entry?.protocol?.items ?? []).flatMap((item) =>
    'formulation' in item && item.formulation ? [item.formulation] : [],
  );
}

describe('protocols that follow the CCRUM guideline', () => {
  it('give Hurqat-ul-Baul the cold Sharbat Bazoori (Barid) that the guideline names, not the temperate one', () => {
    const record = guideline.find((r) => r.disease_persian.some((name) => name.startsWith('Hurqat-i Baw')));
    // The copy drops the last letter of many names ("Sharbat Bazūrī Bāri").
    expect(record?.comp_drug.some((drug) => drug.startsWith('Sharbat Bazūrī Bāri'))).toBe(true);
    expect(record?.comp_drug.some((drug) => drug.includes('Mu‘tadil'))).toBe(false);
    const formulations = protocolFormulations('hurqat-ul-baul');
    expect(formulations).toContain('sharbat-e-bazoori-barid');
    expect(formulations).not.toContain('sharbat-e-bazoori-motadil');
  });

  it('give each humoural type of Waram-e-Kabid the medicines of that type’s record', () => {
    // The guideline's name of each formulation as the copy spells it (it drops the last letter of many names).
    const named: Record<string, string> = {
      'sikanjabeen-sada': 'Sikanjabīn Sād',
      'sikanjabeen-bazoori': 'Sikanjabīn Bazūr',
      'arq-e-mako': 'Arq-i Mak',
      'sharbat-e-deenar': 'Sharbat Dīnā',
      'sharbat-e-neelofar': 'Sharbat-i Nīlofa',
      'sharbat-e-unnab': 'Sharbat-i ‘Unnā',
      'qurs-e-zarishk': 'Qurs-i Zarish',
      'dawa-ul-kurkum': 'Dawā’ al-Kurku',
    };
    const recordOf = { damvi: 'Damaw', safravi: 'Safr', balghami: 'Balgham', saudavi: 'Sawd' } as const;
    const items = knowledge.diseases.find((d) => d.code === 'waram-e-kabid')?.protocol?.items ?? [];
    const typed = items.filter((item) => item.forTypes);
    expect(new Set(typed.flatMap((item) => item.forTypes ?? []))).toEqual(
      new Set(['damvi', 'safravi', 'balghami', 'saudavi']),
    );
    for (const item of typed) {
      for (const type of item.forTypes ?? []) {
        const record = guideline.find((r) =>
          r.disease_persian.some((name) => name.startsWith(`Waram-i Kabid ${recordOf[type]}`)),
        );
        expect(record, type).toBeDefined();
        if (item.formulation) {
          const name = named[item.formulation];
          expect(name, item.formulation).toBeDefined();
          expect(
            record?.comp_drug.some((drug) => drug.replace(/^‘/, '').startsWith(name ?? '-')),
            `${item.formulation} for ${type}`,
          ).toBe(true);
        }
        // A single drug is given in the type's own preparations (the decoction of Afsanteen in the Balghami type).
        if (item.singleDrug === 'afsanteen')
          expect(
            record?.pharmacotherapy.some((line) => line.includes('Afsantīn')),
            `afsanteen for ${type}`,
          ).toBe(true);
      }
    }
  });
});
