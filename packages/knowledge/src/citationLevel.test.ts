import { describe, expect, it } from 'vitest';
import { citesMonograph, entryCitations } from './citationLevel.ts';

describe('citesMonograph', () => {
  it('accepts a locator naming a monograph of a pharmacopoeia, by number or by name', () => {
    expect(citesMonograph({ source: 'upi-part2', locator: 'Vol. I, monograph 26: Majoon-e-Baladur' })).toBe(true);
    expect(citesMonograph({ source: 'upi', locator: "Part I, Vol. II, monograph 'Afsanteen'" })).toBe(true);
    expect(citesMonograph({ source: 'ccrum-formulations', locator: "monograph 'Itrifal Zamani'" })).toBe(true);
  });

  it('accepts a locator naming a numbered section of the formulary', () => {
    expect(citesMonograph({ source: 'nfum', locator: 'Part I, 9.6' })).toBe(true);
    expect(citesMonograph({ source: 'nfum', locator: 'Part I, 9.6 Arq-e-Badiyan' })).toBe(true);
  });

  it('refuses a part, a volume or a page alone', () => {
    expect(citesMonograph({ source: 'upi', locator: 'Part I' })).toBe(false);
    expect(citesMonograph({ source: 'upi', locator: 'Part I, Vol. II' })).toBe(false);
    expect(citesMonograph({ source: 'upi-part2', locator: 'Vol. I, p. 9' })).toBe(false);
    expect(citesMonograph({ source: 'nfum' })).toBe(false);
    expect(citesMonograph('nfum')).toBe(false);
  });

  it('refuses a dose or a name that merely mentions a number or the drug', () => {
    expect(citesMonograph({ source: 'nfum', locator: 'Part I, Majoon-e-Baladur: dose 3–5 g as recorded here' })).toBe(
      false,
    );
    expect(citesMonograph({ source: 'nfum', locator: 'Part I, 4.5–9 g daily' })).toBe(false);
    expect(citesMonograph({ source: 'upi', locator: 'Part I, monograph' })).toBe(false);
  });

  it('counts only the pharmacopoeias and formularies, not a textbook cited with a chapter', () => {
    expect(citesMonograph({ source: 'makhzan-ul-mufradat', locator: "monograph 'Afsanteen'" })).toBe(false);
    expect(citesMonograph({ source: 'qarabadeen-e-majeedi', locator: '9.6 Qurs-e-Mafasil Jadeed' })).toBe(false);
  });
});

describe('entryCitations', () => {
  it('adds the source of the daily maximum to the sources', () => {
    const source = { source: 'nfum', locator: 'Part I, 1.2' };
    expect(entryCitations({ sources: ['upi'] })).toEqual(['upi']);
    expect(entryCitations({ sources: ['upi'], maxDailyDose: { source } })).toEqual(['upi', source]);
  });
});
