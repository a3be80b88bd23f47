import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectKnowledge } from '../../../../../packages/knowledge/test/projectKnowledge.ts';
import {
  codingKey,
  FINDING_CODE_MAP_FILE,
  findingCodeMap,
  parseFindingCodeMap,
  unmappedSymptoms,
} from './findingCodeMap.ts';
import { ICD10_SYSTEM, SNOMED_SYSTEM } from './systems.ts';

const HEADER = 'system,code,display,symptom,source';

describe('the SNOMED CT and ICD-10 finding code map', () => {
  it('maps every code to a symptom of the knowledge base', () => {
    const symptoms = new Set(projectKnowledge().symptoms.map((s) => s.code));
    expect(unmappedSymptoms(findingCodeMap(), { hasSymptom: (code) => symptoms.has(code) })).toEqual([]);
  });

  it('cites, for every row, a source its PROVENANCE describes', () => {
    const provenance = readFileSync(FINDING_CODE_MAP_FILE.replace('findings.csv', 'PROVENANCE.md'), 'utf8');
    const rows = parseFindingCodeMap(readFileSync(FINDING_CODE_MAP_FILE, 'utf8'));
    expect([...new Set(rows.map((r) => r.source))].filter((key) => !provenance.includes(`- \`${key}\` — `))).toEqual(
      [],
    );
  });

  it('knows the common findings in both systems', () => {
    const map = findingCodeMap();
    expect(map.get(codingKey(SNOMED_SYSTEM, '386661006'))).toBe('fever');
    expect(map.get(codingKey(SNOMED_SYSTEM, '49727002'))).toBe('cough');
    expect(map.get(codingKey(ICD10_SYSTEM, 'R50.9'))).toBe('fever');
    expect(map.get(codingKey(ICD10_SYSTEM, 'R05'))).toBe('cough');
    expect(map.get(codingKey(ICD10_SYSTEM, 'R51'))).toBe('headache');
    expect(map.size).toBeGreaterThanOrEqual(35);
  });

  it('reads a quoted display with a comma', () => {
    const rows = parseFindingCodeMap(`${HEADER}\n${ICD10_SYSTEM},R50.9,"Fever, unspecified",fever,who\n`);
    expect(rows).toEqual([
      { system: ICD10_SYSTEM, code: 'R50.9', display: 'Fever, unspecified', symptom: 'fever', source: 'who' },
    ]);
  });

  it('refuses the whole file, naming each bad line', () => {
    const text = [
      HEADER,
      `${SNOMED_SYSTEM},386661006,Fever,fever,x`,
      `${SNOMED_SYSTEM},0386661006,Fever,fever,x`,
      `${ICD10_SYSTEM},R50.91,Fever,fever,x`,
      `http://loinc.org,8310-5,Body temperature,fever,x`,
      `${SNOMED_SYSTEM},386661006,Fever again,high-fever,x`,
      `${SNOMED_SYSTEM},49727002,Cough,Cough!,x`,
      `${SNOMED_SYSTEM},25064002,Headache,headache`,
    ].join('\n');
    expect(() => parseFindingCodeMap(text)).toThrow(
      /line 3: not a SNOMED CT id; line 4: not a WHO ICD-10 code; line 5: .*; line 6: 386661006 is mapped twice; line 7: not a symptom code; line 8: 4 fields, expected 5/,
    );
    expect(() => parseFindingCodeMap('code,symptom\n')).toThrow(/the header must be/);
  });
});
