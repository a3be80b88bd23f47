import { describe, expect, it } from 'vitest';
import { capPerPractitioner, MAX_CASES_PER_PRACTITIONER } from './practitionerCap.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe('capPerPractitioner', () => {
  it('keeps each practitioner’s newest cases up to the cap and leaves others untouched', () => {
    const heavy = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, confirmedById: 'a', createdAt: at(i) }));
    const light = Array.from({ length: 3 }, (_, i) => ({ id: `b${i}`, confirmedById: 'b', createdAt: at(i) }));
    const kept = capPerPractitioner([...heavy, ...light], 10);
    expect(kept.filter((c) => c.confirmedById === 'a').map((c) => c.id)).toEqual(heavy.slice(20).map((c) => c.id));
    expect(kept.filter((c) => c.confirmedById === 'b')).toEqual(light);
  });

  it('caps at 20 cases per practitioner by default', () => {
    const cases = Array.from({ length: 50 }, (_, i) => ({ confirmedById: 'x', createdAt: at(i) }));
    expect(MAX_CASES_PER_PRACTITIONER).toBe(20);
    expect(capPerPractitioner(cases)).toHaveLength(20);
  });
});
