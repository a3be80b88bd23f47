import { describe, expect, it } from 'vitest';
import {
  kaggleCode,
  kaggleDatasetToKnowledge,
  kaggleName,
  parseKaggleBinary,
  parseKaggleDataset,
} from './kaggleCsv.ts';
import { isBinaryTable } from './kaggleFiles.ts';
import { parseLabelledCases } from './labelledCases.ts';

const dataset = [
  ',,,,,',
  'Fungal infection,itching, skin_rash, dischromic _patches,,',
  'Fungal infection,itching, skin_rash, dischromic _patches,,',
  'Fungal infection, skin_rash,itching,,,',
  'Diabetes ,fatigue, weight_loss,,,',
  '(vertigo) Paroymsal  Positional Vertigo,vomiting, spinning_movements,,,',
].join('\n');

describe('Kaggle symptom CSV importer', () => {
  it('normalises names: trims, collapses spaces and underscores', () => {
    expect(kaggleName(' dischromic _patches ')).toBe('dischromic patches');
    expect(kaggleName('spotting_ urination')).toBe('spotting urination');
    expect(kaggleCode('skin_rash')).toBe('skin-rash');
    expect(kaggleCode('(vertigo) Paroymsal  Positional Vertigo')).toBe('vertigo-paroymsal-positional-vertigo');
    expect(kaggleCode('Dimorphic hemmorhoids(piles)')).toBe('dimorphic-hemmorhoids-piles');
  });

  it('skips the line of commas and removes duplicate cases, whatever the symptom order', () => {
    const cases = parseKaggleDataset(dataset);
    expect(cases).toEqual([
      { label: 'Fungal infection', symptoms: ['dischromic-patches', 'itching', 'skin-rash'] },
      { label: 'Fungal infection', symptoms: ['itching', 'skin-rash'] },
      { label: 'Diabetes', symptoms: ['fatigue', 'weight-loss'] },
      { label: '(vertigo) Paroymsal Positional Vertigo', symptoms: ['spinning-movements', 'vomiting'] },
    ]);
  });

  it('turns symptom names into words and disease likelihoods into frequencies among distinct cases', () => {
    const knowledge = kaggleDatasetToKnowledge(dataset);
    expect(knowledge.symptoms.find((s) => s.code === 'skin-rash')).toEqual({
      code: 'skin-rash',
      name: 'skin rash',
      kind: 'symptom',
      terms: ['skin rash'],
    });
    const fungal = knowledge.diseases.find((d) => d.code === 'fungal-infection');
    expect(fungal?.name).toBe('Fungal infection');
    expect(fungal?.symptoms).toEqual([
      { symptom: 'dischromic-patches', likelihood: 0.5, cardinal: false },
      { symptom: 'itching', likelihood: 1, cardinal: false },
      { symptom: 'skin-rash', likelihood: 1, cardinal: false },
    ]);
    expect(knowledge.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(kaggleDatasetToKnowledge(`${dataset}\n`).hash).toBe(knowledge.hash);
  });

  it('reads the binary tables (Training.csv / Testing.csv) into cases', () => {
    const table = 'itching,skin_rash,spotting_ urination,prognosis\n1,0,1,Fungal infection\n0,1,0,Diabetes \n';
    expect(isBinaryTable(table)).toBe(true);
    expect(isBinaryTable(dataset)).toBe(false);
    expect(parseKaggleBinary(table)).toEqual([
      { label: 'Fungal infection', symptoms: ['itching', 'spotting-urination'] },
      { label: 'Diabetes', symptoms: ['skin-rash'] },
    ]);
    expect(() => parseKaggleBinary('a,b\n1,0\n')).toThrow(/prognosis/);
  });
});

describe('labelled evaluation cases', () => {
  it('reads label,symptoms with ";"-separated symptoms', () => {
    expect(parseLabelledCases('label,symptoms\nZukam,sneezing; nasal-discharge\n', 'symptoms')).toEqual([
      { line: 2, label: 'Zukam', symptoms: ['sneezing', 'nasal-discharge'] },
    ]);
  });

  it('reads label,text with quoted free text', () => {
    expect(parseLabelledCases('label,text\nSuda,"headache since 2 days, no fever"\n', 'text')).toEqual([
      { line: 2, label: 'Suda', text: 'headache since 2 days, no fever' },
    ]);
  });

  it('names the missing column', () => {
    expect(() => parseLabelledCases('disease,symptoms\nx,y\n', 'symptoms')).toThrow(/label,symptoms/);
  });
});
