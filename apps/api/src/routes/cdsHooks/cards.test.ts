import { ADVISORY_NOTICE, type Analysis, triageLevels } from '@unani/contracts';
import { describe, expect, it } from 'vitest';
import { projectEngineKnowledge } from '../../../../../packages/knowledge/test/projectKnowledge.ts';
import { analysisCards, differentialSummary, fitSummary, TRIAGE_CARD } from './cards.ts';
import { CARD_SUMMARY_MAX } from './schemas.ts';

const knowledge = projectEngineKnowledge();
const APP = 'https://cdss.example/';

function analysis(over: Partial<Analysis> = {}): Analysis {
  return {
    findings: [{ symptom: 'fever', name: 'Fever', present: true }],
    triage: { level: 'consult', reasons: [], advice: 'advice', adviceUrdu: 'مشورہ', ask: [] },
    differential: [],
    flat: false,
    explanation: [],
    redFlags: [],
    nextQuestions: [],
    modelVersion: 'test',
    advisory: ADVISORY_NOTICE,
    ...over,
  };
}

const entry = (d: (typeof knowledge.diseases)[number], probability: number): Analysis['differential'][number] => ({
  disease: { code: d.code, name: d.name, englishName: d.englishName },
  probability,
  supporting: [],
  missing: [],
  against: [],
});

describe('card summaries fit a CDS Hooks card (under 140 characters) without being cut', () => {
  it('for every red-flag rule of the knowledge base', () => {
    expect(knowledge.redFlags.length).toBeGreaterThan(100);
    const redFlags = knowledge.redFlags.map((r) => ({
      code: r.code,
      message: r.message,
      ...(r.summary ? { summary: r.summary } : {}),
      urgency: r.urgency,
      findings: ['fever'],
    }));
    const cards = analysisCards(analysis({ redFlags }), APP);
    expect(cards).toHaveLength(knowledge.redFlags.length);
    const tooLong = cards.filter((c) => c.summary.length > CARD_SUMMARY_MAX).map((c) => c.summary);
    expect(tooLong).toEqual([]);
    cards.forEach((c, i) => {
      const rule = knowledge.redFlags[i];
      expect(c.summary).toBe(rule?.summary ?? rule?.message);
      expect(c.detail).toContain(rule?.message);
      expect(c.indicator).toBe(rule?.urgency === 'emergency' ? 'critical' : 'warning');
    });
  });

  it('for every triage level', () => {
    for (const level of triageLevels) {
      const cards = analysisCards(analysis({ triage: { ...analysis().triage, level, advice: 'x'.repeat(300) } }), APP);
      const wording = TRIAGE_CARD[level];
      expect(cards.map((c) => c.summary)).toEqual(wording ? [wording.summary] : []);
      for (const c of cards) expect(c.summary.length).toBeLessThanOrEqual(CARD_SUMMARY_MAX);
    }
  });

  it('for the differential, whatever the diseases', () => {
    const longest = [...knowledge.diseases].sort(
      (a, b) => b.name.length + b.englishName.length - (a.name.length + a.englishName.length),
    );
    for (const d of knowledge.diseases) {
      const summary = differentialSummary([entry(d, 0.999)]);
      expect(summary.length).toBeLessThanOrEqual(CARD_SUMMARY_MAX);
      expect(summary).toContain(d.name);
    }
    const three = longest.slice(0, 3).map((d) => entry(d, 0.333));
    const summary = differentialSummary(three);
    expect(summary.length).toBeLessThanOrEqual(CARD_SUMMARY_MAX);
    expect(summary).toContain(longest[0]?.name);
  });

  it('and a text nobody checked ends at a word', () => {
    const text = `${'Fever with a stiff neck may be meningitis, '.repeat(4)}send now.`;
    const fitted = fitSummary(text);
    expect(fitted.length).toBeLessThanOrEqual(CARD_SUMMARY_MAX);
    const kept = fitted.slice(0, -1);
    expect(fitted.endsWith('…')).toBe(true);
    expect(text.startsWith(kept)).toBe(true);
    expect(text[kept.length]).toMatch(/[\s,]/);
    expect(fitSummary('Short.')).toBe('Short.');
  });
});

describe('the differential card', () => {
  const [first, second] = knowledge.diseases;
  if (!first || !second) throw new Error('the knowledge base has diseases');

  it('gives no card at all when there is nothing to say', () => {
    expect(analysisCards(analysis(), APP)).toEqual([]);
  });

  it('does not suggest a disease already diagnosed again, and says so', () => {
    const cards = analysisCards(
      analysis({ differential: [entry(first, 0.6), entry(second, 0.3)] }),
      APP,
      new Set([first.code]),
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]?.summary).toBe(`Unani differential: ${second.name} (${second.englishName}) 30%`);
    expect(cards[0]?.detail).toContain(`Already diagnosed for this patient, so not suggested again: ${first.name}`);
    expect(analysisCards(analysis({ differential: [entry(first, 1)] }), APP, new Set([first.code]))).toEqual([]);
  });

  it('asks for the age when an age-bound warning waits on it', () => {
    const ask = [{ field: 'age' as const, reason: 'The age decides whether a rule for infants applies: record it.' }];
    const [card] = analysisCards(
      analysis({ differential: [entry(first, 1)], triage: { ...analysis().triage, ask } }),
      APP,
    );
    expect(card?.detail).toContain('record it');
    expect(card?.indicator).toBe('info');
  });

  it('gives every card its own uuid for feedback', () => {
    const cards = analysisCards(
      analysis({ differential: [entry(first, 1)], triage: { ...analysis().triage, level: 'emergency' } }),
      APP,
    );
    expect(new Set(cards.map((c) => c.uuid)).size).toBe(2);
    for (const c of cards) expect(c.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });
});
