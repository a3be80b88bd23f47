// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Triage } from '@unani/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { PlanItemRow } from './PlanItemRow.tsx';
import { TriageBanner } from './TriageBanner.tsx';

afterEach(cleanup);

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
            dose: '3.5 g',
            duration: '',
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
});
