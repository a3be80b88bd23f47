import { describe, expect, it } from 'vitest';
import { dailyAmount, readDose } from './dose.ts';

describe('reading a written dose', () => {
  it.each([
    ['5 g twice daily', { amount: 5, unit: 'g', perDay: 2 }],
    ['3.5 g with honey water', { amount: 3.5, unit: 'g', perDay: 1 }],
    ['125–500 mg', { amount: 500, unit: 'mg', perDay: 1 }],
    ['25 ml three times a day', { amount: 25, unit: 'ml', perDay: 3 }],
    ['1 tsp thrice daily', { amount: 5, unit: 'ml', perDay: 3 }],
    ['2 tablets BD', { amount: 2, unit: 'tablets', perDay: 2 }],
    ['7 g at bedtime', { amount: 7, unit: 'g', perDay: 1 }],
    ['250 mg roasted with water', { amount: 250, unit: 'mg', perDay: 1 }],
  ])('reads "%s"', (text, expected) => {
    expect(readDose(text)).toEqual(expected);
  });

  it('reads nothing where no amount with a unit is written', () => {
    expect(readDose('q.s. massaged on the paralysed limbs')).toBeUndefined();
    expect(readDose('as required')).toBeUndefined();
    expect(readDose('for 3 days')).toBeUndefined();
  });

  it('gives the daily amount in milligrams for mass units', () => {
    expect(dailyAmount('3 g twice daily')).toEqual({ amount: 6000, unit: 'mg' });
    expect(dailyAmount('60 ml twice daily')).toEqual({ amount: 120, unit: 'ml' });
  });
});
