import { todayIso } from '@unani/contracts';
import { describe, expect, it } from 'vitest';
import { historyForm, historyOf } from './historyForm.ts';

describe('the history form', () => {
  it('turns lines into lists and drops blank ones', () => {
    const form = { ...historyForm(undefined), allergies: 'penicillin\n\n  honey \n', medicines: 'Metformin 500 mg' };
    expect(historyOf(form)).toMatchObject({ allergies: ['penicillin', 'honey'], medicines: ['Metformin 500 mg'] });
  });

  it('keeps the day a pregnancy was recorded until it changes', () => {
    const previous = {
      allergies: [],
      conditions: [],
      otherConditions: [],
      medicines: [],
      pregnancy: { status: 'pregnant' as const, weeks: 12, recordedOn: '2026-10-01' },
    };
    const form = historyForm(previous);
    expect(form).toMatchObject({ pregnancy: 'pregnant', pregnancyWeeks: '12' });
    expect(historyOf({ ...form, allergies: 'dust' }, previous).pregnancy).toEqual(previous.pregnancy);
    expect(historyOf({ ...form, pregnancyWeeks: '21' }, previous).pregnancy).toEqual({
      status: 'pregnant',
      weeks: 21,
      recordedOn: todayIso(),
    });
    expect(historyOf({ ...form, pregnancy: '' }, previous).pregnancy).toBeNull();
  });
});
