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
});
