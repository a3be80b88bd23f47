// @vitest-environment jsdom

import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { DifferentialEntry } from '@unani/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { DifferentialList } from './DifferentialList.tsx';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

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

  it('adds the knowledge base’s Urdu name in the Urdu interface, marked Urdu', () => {
    render(
      <DifferentialList
        entries={entries}
        onConfirm={() => {}}
        confirming={false}
        confirmedCode={undefined}
        urduNames={{ shaqeeqa: 'شقیقہ' }}
      />,
    );
    const [first, second] = within(screen.getByRole('list', { name: 'Differential diagnosis' })).getAllByRole(
      'listitem',
    );
    expect(first?.querySelector('[lang="ur"]')?.textContent?.trim()).toBe('شقیقہ');
    expect(second?.querySelector('[lang="ur"]')).toBeNull();
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

  const explained: DifferentialEntry = {
    disease: { code: 'shaqeeqa', name: 'Shaqeeqa', englishName: 'Migraine' },
    probability: 0.9951,
    supporting: [{ code: 'headache', name: 'headache' }],
    missing: [],
    against: [],
    why: {
      raisedBy: [
        { symptom: 'photophobia', name: 'sensitivity to light', present: true, strength: Math.log(12) },
        { symptom: 'headache', name: 'headache', present: true, strength: Math.log(6) },
        { symptom: 'fever', name: 'fever', present: false, strength: Math.log(2.5) },
      ],
      against: { symptom: 'cough', name: 'cough', present: true, strength: -Math.log(15) },
      shares: { knowledge: 0.62, tree: 0.21, network: 0.17 },
    },
  };
  const whyOf = (name: string) =>
    screen.getByText((_, el) => el?.tagName === 'SUMMARY' && el.textContent === name).closest('details');

  it("says in a sentence what raised a disease, what argues against it and each model's share", () => {
    render(
      <DifferentialList entries={[explained]} onConfirm={() => {}} confirming={false} confirmedCode={undefined} />,
    );
    const why = whyOf('Why Shaqeeqa');
    expect(why?.textContent).toContain(
      'Raised most by sensitivity to light (strong), headache (moderate), no fever (weak)',
    );
    expect(why?.textContent).toContain('Argues against it cough (strong)');
    expect(why?.textContent).toContain('Knowledge base 62% · decision tree 21% · network 17%');
    // The evidence lists stay below the sentence.
    expect(why?.textContent).toContain('Supportingheadache');
  });

  it('says it in Urdu with the symptom names marked as English', async () => {
    await i18n.changeLanguage('ur');
    render(
      <DifferentialList entries={[explained]} onConfirm={() => {}} confirming={false} confirmedCode={undefined} />,
    );
    const why = whyOf('Shaqeeqa کیوں؟');
    expect(why?.textContent).toContain(
      'سب سے زیادہ تائید sensitivity to light (قوی)، headache (درمیانی)، fever نہیں (کمزور)',
    );
    expect(why?.textContent).toContain('اس کے خلاف cough (قوی)');
    expect(why?.textContent).toContain('ذخیرۂ علم 62%');
    const english = [...(why?.querySelectorAll('.why [lang="en"]') ?? [])].map((el) => el.textContent);
    expect(english).toEqual(['sensitivity to light', 'headache', 'fever', 'cough']);
  });

  it("names the patient's Mizaj when it moved the disease, in English and in Urdu", async () => {
    const withMizaj: DifferentialEntry = {
      ...explained,
      why: {
        ...(explained.why as NonNullable<DifferentialEntry['why']>),
        mizaj: { temperament: 'safravi', strength: Math.log(2.8) },
      },
    };
    render(
      <DifferentialList entries={[withMizaj]} onConfirm={() => {}} confirming={false} confirmedCode={undefined} />,
    );
    expect(whyOf('Why Shaqeeqa')?.textContent).toContain('Safravi Mizaj supports it (weak)');
    cleanup();
    await i18n.changeLanguage('ur');
    const against = {
      ...withMizaj,
      why: {
        ...(withMizaj.why as NonNullable<DifferentialEntry['why']>),
        mizaj: { temperament: 'balghami' as const, strength: -Math.log(6) },
      },
    };
    render(<DifferentialList entries={[against]} onConfirm={() => {}} confirming={false} confirmedCode={undefined} />);
    expect(whyOf('Shaqeeqa کیوں؟')?.textContent).toContain('بلغمی مزاج اس کے خلاف جاتا ہے (درمیانی)');
  });

  it('never shows 100 %: above 99 % reads ">99%" and the bar is never full', () => {
    const { container } = render(
      <DifferentialList
        entries={[explained, { ...explained, disease: { code: 'x', name: 'X', englishName: 'X' }, probability: 1 }]}
        onConfirm={() => {}}
        confirming={false}
        confirmedCode={undefined}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Differential diagnosis' })).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.percent')?.textContent)).toEqual(['>99%', '>99%']);
    expect(container.textContent).not.toContain('100%');
    const bars = [...container.querySelectorAll<HTMLElement>('.bar > span')].map((b) => b.style.width);
    expect(bars).toEqual(['99%', '99%']);
  });
});
