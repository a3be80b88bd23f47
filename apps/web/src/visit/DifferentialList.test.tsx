// @vitest-environment jsdom

import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { DifferentialEntry } from '@unani/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DifferentialList } from './DifferentialList.tsx';

afterEach(cleanup);

const entries: DifferentialEntry[] = [
  {
    disease: { code: 'shaqeeqa', name: 'Shaqeeqa', englishName: 'Migraine' },
    probability: 0.724,
    supporting: [
      { code: 'headache', name: 'Headache' },
      { code: 'nausea', name: 'Nausea' },
    ],
    missing: [{ code: 'photophobia', name: 'Sensitivity to light' }],
    against: [],
  },
  {
    disease: { code: 'suda', name: 'Suda', englishName: 'Headache' },
    probability: 0.004,
    supporting: [{ code: 'headache', name: 'Headache' }],
    missing: [],
    against: [{ code: 'nausea', name: 'Nausea' }],
  },
];

describe('differential list', () => {
  it('ranks diseases with Unani and English names and a percentage', () => {
    render(<DifferentialList entries={entries} onConfirm={() => {}} confirming={false} confirmedCode={undefined} />);
    const items = within(screen.getByRole('list', { name: 'Differential diagnosis' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Shaqeeqa');
    expect(items[0]?.textContent).toContain('Migraine');
    expect(items[0]?.textContent).toContain('72%');
    expect(items[1]?.textContent).toContain('<1%');
  });

  it('explains each disease: supporting, missing and contradicting findings', () => {
    render(<DifferentialList entries={entries} onConfirm={() => {}} confirming={false} confirmedCode={undefined} />);
    const [, second] = within(screen.getByRole('list', { name: 'Differential diagnosis' })).getAllByRole('listitem');
    // The disease's name is marked as English inside the translated "Why …?" summary.
    const why = within(second as HTMLElement)
      .getByText((_, el) => el?.tagName === 'SUMMARY' && el.textContent === 'Why Suda')
      .closest('details');
    expect(why?.textContent).toContain('SupportingHeadache');
    expect(why?.textContent).toContain('Expected but not reportednone');
    expect(why?.textContent).toContain('AgainstNausea');
  });

  it('confirms a disease with its button, and marks the confirmed one', () => {
    const onConfirm = vi.fn();
    const { rerender } = render(
      <DifferentialList entries={entries} onConfirm={onConfirm} confirming={false} confirmedCode={undefined} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm Shaqeeqa (Migraine)' }));
    expect(onConfirm).toHaveBeenCalledWith('shaqeeqa');
    rerender(<DifferentialList entries={entries} onConfirm={onConfirm} confirming={false} confirmedCode="shaqeeqa" />);
    expect(screen.queryByRole('button', { name: 'Confirm Shaqeeqa (Migraine)' })).toBeNull();
    expect(screen.getByText('Confirmed')).toBeTruthy();
  });

  it('says so when no disease fits', () => {
    render(<DifferentialList entries={[]} onConfirm={() => {}} confirming={false} confirmedCode={undefined} />);
    expect(screen.getByText(/No disease of the knowledge base fits/)).toBeTruthy();
  });
});
