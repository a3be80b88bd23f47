// @vitest-environment jsdom

import { cleanup, render, screen } from '@testing-library/react';
import type { Analysis } from '@unani/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { AnalysisResults } from './AnalysisResults.tsx';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const analysis: Analysis = {
  findings: [{ symptom: 'headache', name: 'headache', present: true }],
  triage: { level: 'consult', reasons: [], advice: 'See a practitioner', adviceUrdu: 'معالج سے ملیں', ask: [] },
  differential: [],
  flat: true,
  incomplete: true,
  explanation: ['Decision tree: fatigue not reported present → itching not reported present'],
  redFlags: [],
  nextQuestions: [{ symptom: 'nausea', name: 'nausea', reason: 'separates Shaqeeqa from Suda', expectedGain: 0.4 }],
  modelVersion: 'test-1',
  advisory: 'Advisory',
};

const show = (a: Analysis) =>
  render(
    <AnalysisResults
      analysis={a}
      onConfirm={() => {}}
      confirming={false}
      confirmedCode={undefined}
      onAnswer={() => {}}
      busy={false}
    />,
  );

describe('analysis results', () => {
  it('says the picture is incomplete and shows the questions to ask next', () => {
    show(analysis);
    expect(screen.getByText(/The picture is incomplete/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Ask next' }).textContent).toContain('nausea');
  });

  it('says it in Urdu', async () => {
    await i18n.changeLanguage('ur');
    show(analysis);
    expect(screen.getByText(/تصویر نامکمل ہے/)).toBeTruthy();
  });

  it('does not when enough is known', () => {
    const { incomplete: _, ...complete } = analysis;
    show(complete);
    expect(screen.queryByText(/The picture is incomplete/)).toBeNull();
  });

  it('says when no disease of the knowledge base explains the findings, in both languages', async () => {
    show({ ...analysis, outsideKnowledge: true });
    expect(screen.getByRole('status').textContent).toMatch(/No disease in the knowledge base explains these findings/);
    cleanup();
    await i18n.changeLanguage('ur');
    show({ ...analysis, outsideKnowledge: true });
    expect(screen.getByRole('status').textContent).toMatch(/نالج بیس کی کوئی بیماری/);
  });

  it('does not when a disease of the knowledge base fits', () => {
    show(analysis);
    expect(screen.queryByText(/No disease in the knowledge base/)).toBeNull();
  });

  it('keeps the decision tree path in a collapsed Details', () => {
    show(analysis);
    const details = screen.getByText('Details').closest('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('Decision tree: fatigue');
  });
});
