// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingChips } from './FindingChips.tsx';
import type { DraftFinding } from './findings.ts';

afterEach(cleanup);

const findings: DraftFinding[] = [
  {
    symptom: 'headache',
    name: 'Headache',
    present: true,
    durationDays: 3,
    severity: 'severe',
    origin: 'text',
    span: [0, 8],
  },
  { symptom: 'fever', name: 'Fever', present: false, origin: 'text', span: [13, 18] },
  { symptom: 'nausea', name: 'Nausea', present: true, uncertain: true, origin: 'picked' },
];

describe('finding chips', () => {
  it('lists every finding in the list named "Findings", with duration and severity', () => {
    render(<FindingChips findings={findings} onRemove={() => {}} />);
    const items = within(screen.getByRole('list', { name: 'Findings' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.replace('×', '').trim())).toEqual([
      'Headache· 3 d· severe',
      'No Fever',
      'Nausea(possible)',
    ]);
  });

  it('shows the knowledge base’s Urdu name first in the Urdu interface, the English name beside it', () => {
    render(<FindingChips findings={findings} onRemove={() => {}} urduNames={{ headache: 'سر درد' }} />);
    const [headache, fever] = within(screen.getByRole('list', { name: 'Findings' })).getAllByRole('listitem');
    expect(headache?.querySelector('[lang="ur"]')?.textContent).toBe('سر درد');
    expect(headache?.querySelector('[lang="en"]')?.textContent).toBe('Headache');
    // A finding without an Urdu name keeps its English one, marked English.
    expect(fever?.querySelector('[lang="ur"]')).toBeNull();
    expect(fever?.querySelector('.chip-name')?.textContent).toBe('Fever');
  });

  it('shows a negated finding differently, in words and in style', () => {
    render(<FindingChips findings={findings} onRemove={() => {}} />);
    const [present, absent, uncertain] = within(screen.getByRole('list', { name: 'Findings' })).getAllByRole(
      'listitem',
    );
    expect(present?.className).toBe('chip');
    expect(absent?.className).toBe('chip absent');
    expect(absent?.textContent).toMatch(/^No Fever/);
    expect(uncertain?.className).toBe('chip uncertain');
  });

  it('removes a finding through its own button', () => {
    const onRemove = vi.fn();
    render(<FindingChips findings={findings} onRemove={onRemove} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Fever' }));
    expect(onRemove).toHaveBeenCalledWith(findings[1]);
  });

  it('says what to do when there is no finding yet', () => {
    render(<FindingChips findings={[]} onRemove={() => {}} />);
    expect(screen.getByText(/No findings yet/)).toBeTruthy();
  });
});
