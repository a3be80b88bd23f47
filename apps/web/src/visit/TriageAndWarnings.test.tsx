// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Triage } from '@unani/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { PlanItemRow } from './PlanItemRow.tsx';
import { NO_DOSE } from './planDraft.ts';
import { TriageBanner } from './TriageBanner.tsx';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const emergency: Triage = {
  level: 'emergency',
  reasons: [{ code: 'meningism', text: 'Fever with a stiff neck may be meningitis.', findings: ['fever'] }],
  advice: 'Go to a hospital emergency department now.',
  adviceUrdu: 'فوراً ہسپتال جائیں۔',
  ask: [],
};

describe('the triage banner', () => {
  it('is an alert for an emergency, with the level, the advice and the reasons', () => {
    render(<TriageBanner triage={emergency} />);
    const banner = screen.getByRole('alert');
    expect(within(banner).getByRole('heading').textContent).toBe('Triage: Emergency — send to hospital now');
    expect(banner.textContent).toContain('Go to a hospital emergency department now.');
    expect(banner.textContent).toContain('Fever with a stiff neck may be meningitis.');
  });

  it('is a plain status for a routine visit, and lists what to record', () => {
    render(
      <TriageBanner
        triage={{
          ...emergency,
          level: 'consult',
          reasons: [],
          ask: [{ field: 'age', reason: 'The age decides whether a rule for infants applies.' }],
        }}
      />,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('The age decides whether a rule for infants applies.');
  });
});

describe('a plan item', () => {
  it('shows its prescribing warnings beside it, the dangerous ones marked', () => {
    render(
      <ul>
        <PlanItemRow
          item={{
            key: 'k1',
            kind: 'dawa',
            singleDrugCode: 'hilteet',
            name: 'Hilteet',
            text: '',
            ...NO_DOSE,
            amount: '3.5',
            unit: 'g',
            avoid: false,
          }}
          warnings={[
            { kind: 'dose', level: 'danger', message: '3.5 g is above the maximum of 500 mg a day.' },
            { kind: 'confirm', level: 'check', message: 'Confirm the patient is not pregnant.' },
          ]}
          onChange={() => {}}
          onRemove={() => {}}
        />
      </ul>,
    );
    const list = screen.getByRole('list', { name: 'Safety checks for Hilteet' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Do not give as written: 3.5 g is above the maximum of 500 mg a day.',
      'Check first: Confirm the patient is not pregnant.',
    ]);
    expect(items[0]?.className).toBe('danger');
  });

  it('shows a warning worded in Urdu on the Urdu screen, the drug name without an Urdu name marked English', async () => {
    const caution = {
      kind: 'temperament' as const,
      level: 'check' as const,
      message: 'Behidana is cold (Cold 2, Moist 2), for a Balghami (cold) patient with Zukam …',
      messageUrdu: 'Behidana کا مزاج سرد ہے (سرد 2، تر 2)، اور مریض بلغمی (سرد) مزاج کا ہے',
    };
    const item = {
      key: 'k2',
      kind: 'dawa' as const,
      singleDrugCode: 'behidana',
      name: 'Behidana',
      text: '',
      ...NO_DOSE,
      amount: '3',
      unit: 'g' as const,
      avoid: false,
    };
    const row = () => (
      <ul>
        <PlanItemRow item={item} warnings={[caution]} onChange={() => {}} onRemove={() => {}} />
      </ul>
    );
    render(row());
    expect(screen.getByRole('list', { name: 'Safety checks for Behidana' }).textContent).toContain(caution.message);
    cleanup();
    await i18n.changeLanguage('ur');
    render(row());
    const warning = screen.getAllByRole('listitem').at(-1);
    expect(warning?.textContent).toContain(caution.messageUrdu);
    expect(warning?.querySelector('[lang="ur"]')?.textContent).toBe(caution.messageUrdu);
    expect([...(warning?.querySelectorAll('[lang="ur"] [lang="en"]') ?? [])].map((e) => e.textContent)).toEqual([
      'Behidana',
    ]);
  });
});
