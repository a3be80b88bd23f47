import { describe, expect, it } from 'vitest';
import { readDose } from './dose.ts';
import { doseText, durationText, Prescription, readPrescription } from './prescription.ts';

describe('reading a written dose into parts', () => {
  it.each([
    [
      '5 g twice daily',
      '2 weeks',
      { amount: 5, unit: 'g', frequency: 'twice-daily', route: 'oral', duration: 2, durationUnit: 'weeks' },
      '',
    ],
    [
      '10 g licked twice daily',
      '5–7 days',
      { amount: 10, unit: 'g', frequency: 'twice-daily', duration: 5, durationMax: 7, durationUnit: 'days' },
      'licked',
    ],
    ['7 g with milk at bedtime', '4 weeks', { amount: 7, unit: 'g', frequency: 'bedtime' }, 'with milk'],
    [
      '125–500 mg roasted (Biryan), once daily with honey water (Ma-ul-Asl)',
      undefined,
      { amount: 125, amountMax: 500, unit: 'mg', frequency: 'once-daily' },
      'roasted (Biryan), with honey water (Ma-ul-Asl)',
    ],
    [
      'q.s. massaged on the joints twice daily',
      '6 weeks (chronic stage only)',
      { unit: 'qs', route: 'local', frequency: 'twice-daily', duration: 6, durationUnit: 'weeks' },
      'massaged on the joints; (chronic stage only)',
    ],
    ['q.s. applied locally twice daily', undefined, { unit: 'qs', route: 'local', frequency: 'twice-daily' }, ''],
    [
      '25 ml in warm water as gargle three times daily',
      '5 days',
      { amount: 25, unit: 'ml', route: 'gargle', frequency: 'three-times-daily' },
      'in warm water',
    ],
    ['2 drops in each eye three times daily', undefined, { amount: 2, unit: 'drops', route: 'eye' }, 'in each eye'],
    [
      '2 drops lukewarm in the ear twice daily (only if the eardrum is intact)',
      '3 days',
      { unit: 'drops', route: 'ear' },
      'lukewarm in the ear (only if the eardrum is intact)',
    ],
    ['1 cup three times daily', '3–4 weeks', { amount: 1, unit: 'cups', frequency: 'three-times-daily' }, ''],
  ])('reads "%s" / "%s"', (dose, duration, parts, instructions) => {
    const read = readPrescription(dose, duration);
    expect(read.prescription).toMatchObject(parts);
    expect(read.instructions).toBe(instructions);
  });

  it('keeps a dose it cannot read whole, as instructions, with no parts', () => {
    expect(readPrescription('1 clove (about 3 g) in the morning', '2 weeks')).toEqual({
      instructions: '1 clove (about 3 g) in the morning; 2 weeks',
    });
    expect(readPrescription('', '')).toEqual({ instructions: '' });
  });

  it('keeps the words of a duration it cannot read', () => {
    const read = readPrescription('3 drops in water', '3 nights, repeat after 1 week');
    expect(read.prescription).toMatchObject({ amount: 3, unit: 'drops', route: 'oral' });
    expect(read.prescription?.duration).toBeUndefined();
    expect(read.instructions).toBe('in water; 3 nights, repeat after 1 week');
  });
});

describe('writing a prescription out', () => {
  const p = (input: Parameters<typeof Prescription.parse>[0]) => Prescription.parse(input);

  it('writes English that the dose checks can read back', () => {
    const twice = p({
      amount: 5,
      amountMax: 7,
      unit: 'g',
      frequency: 'twice-daily',
      duration: 2,
      durationUnit: 'weeks',
    });
    expect(doseText(twice)).toBe('5–7 g twice daily');
    expect(durationText(twice)).toBe('2 weeks');
    expect(readDose(doseText(twice))).toEqual({ amount: 7, unit: 'g', perDay: 2 });
    expect(doseText(p({ amount: 1, unit: 'tablets', frequency: 'bedtime' }))).toBe('1 tablet at bedtime');
    expect(doseText(p({ unit: 'qs', route: 'local', frequency: 'twice-daily' }))).toBe(
      'q.s. applied locally twice daily',
    );
    expect(durationText(p({ amount: 1, unit: 'g', duration: 1, durationUnit: 'weeks' }))).toBe('1 week');
  });

  it('writes Urdu with the numbers kept in order inside right-to-left text', () => {
    const twice = p({
      amount: 5,
      amountMax: 7,
      unit: 'g',
      frequency: 'twice-daily',
      duration: 2,
      durationUnit: 'weeks',
    });
    expect(doseText(twice, 'ur')).toBe('\u20665–7\u2069 گرام، دن میں دو بار');
    expect(durationText(twice, 'ur')).toBe('\u20662\u2069 ہفتے');
    expect(doseText(p({ amount: 2, unit: 'drops', route: 'eye', frequency: 'three-times-daily' }), 'ur')).toBe(
      '\u20662\u2069 قطرے، آنکھ میں، دن میں تین بار',
    );
    expect(doseText(p({ unit: 'qs', route: 'local' }), 'ur')).not.toMatch(/[A-Za-z]/);
  });

  it('refuses parts that do not make a dose', () => {
    expect(Prescription.safeParse({ unit: 'g' }).success).toBe(false);
    expect(Prescription.safeParse({ amount: 7, amountMax: 5, unit: 'g' }).success).toBe(false);
    expect(Prescription.safeParse({ amount: 5, unit: 'g', duration: 2 }).success).toBe(false);
    expect(Prescription.safeParse({ amount: 5, unit: 'kg' }).success).toBe(false);
  });
});
