// @vitest-environment jsdom
// A protocol that treats the humoural types of a disease apart: the plan starts with the type of the visit's Mizaj,
// and another type chosen replaces the type-specific items while the shared ones stay.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { DiseaseDetail, ProtocolItemView } from '@unani/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { planKey } from './queries.ts';
import { TreatmentPlan } from './TreatmentPlan.tsx';

afterEach(cleanup);

const plain = {
  formulation: null,
  singleDrug: null,
  text: null,
  textUrdu: null,
  urduReview: false,
  dose: null,
  duration: null,
  prescription: null,
  instructions: '',
  avoid: false,
  forTypes: null,
} satisfies Omit<ProtocolItemView, 'kind'>;
const medicine = (code: string, name: string, forTypes: ProtocolItemView['forTypes']): ProtocolItemView => ({
  ...plain,
  kind: 'dawa',
  formulation: { code, name },
  forTypes,
});

const disease: DiseaseDetail = {
  code: 'waram-e-kabid',
  name: 'Waram-e-Kabid',
  englishName: 'Hepatitis',
  urduName: null,
  organSystem: 'liver',
  temperaments: ['safravi', 'damvi'],
  codes: { numc: null, icd11: null, icd10: null },
  synonyms: [],
  description: 'Inflammation of the liver.',
  descriptionUrdu: null,
  descriptionUrduReview: false,
  humours: ['dam', 'safra', 'balgham', 'sauda'],
  symptoms: [],
  protocol: {
    principles: [],
    noDawa: null,
    items: [
      medicine('arq-e-mako', 'Arq-e-Mako', ['damvi', 'safravi']),
      medicine('dawa-ul-kurkum', 'Dawa-ul-Kurkum', ['balghami', 'saudavi']),
      { ...plain, kind: 'advice', text: 'Rest; refer if jaundice deepens' },
    ],
    sources: [],
    review: false,
  },
  sources: [],
  review: false,
};

function showPlan(mizaj: 'balghami' | 'safravi' | null, shown: DiseaseDetail = disease) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(planKey('visit-1'), null);
  client.setQueryData(['disease', shown.code], shown);
  render(
    <QueryClientProvider client={client}>
      <TreatmentPlan
        visitId="visit-1"
        disease={shown}
        closed={false}
        mizaj={mizaj}
        unsaved={false}
        onUnsavedChange={() => {}}
      />
    </QueryClientProvider>,
  );
}

const planText = () => screen.getByRole('region', { name: 'Treatment plan' }).textContent ?? '';
const typeSelect = () => screen.getByRole('combobox', { name: 'Humoural type' }) as HTMLSelectElement;

describe('a treatment plan started from a protocol that treats the humoural types apart', () => {
  it('starts with the type of the Mizaj, and changes with the type chosen', () => {
    showPlan('balghami');
    expect(typeSelect().value).toBe('balghami');
    expect(planText()).toContain('Dawa-ul-Kurkum');
    expect(planText()).not.toContain('Arq-e-Mako');
    expect(screen.getAllByDisplayValue('Rest; refer if jaundice deepens')).toHaveLength(1);

    fireEvent.change(typeSelect(), { target: { value: 'safravi' } });
    expect(typeSelect().value).toBe('safravi');
    expect(planText()).toContain('Arq-e-Mako');
    expect(planText()).not.toContain('Dawa-ul-Kurkum');
    expect(screen.getAllByDisplayValue('Rest; refer if jaundice deepens')).toHaveLength(1);
  });

  it('without a Mizaj, starts with what every type shares and asks for the type', () => {
    showPlan(null);
    expect(typeSelect().value).toBe('');
    expect(planText()).not.toContain('Arq-e-Mako');
    expect(planText()).not.toContain('Dawa-ul-Kurkum');
    expect(screen.getAllByDisplayValue('Rest; refer if jaundice deepens')).toHaveLength(1);
    expect(typeSelect().getAttribute('aria-describedby')).toBe('plan-type-hint');
    expect(document.getElementById('plan-type-hint')?.textContent).toContain(
      'treats the types of Waram-e-Kabid differently',
    );
  });
});

describe('a treatment plan started from a protocol that gives no medicine', () => {
  const referral: DiseaseDetail = {
    ...disease,
    code: 'qulanj-zaidi',
    name: 'Qulanj-e-Zaidi',
    englishName: 'Appendicitis',
    temperaments: [],
    protocol: {
      principles: [],
      noDawa: 'Refer to a surgeon the same day.',
      items: [{ ...plain, kind: 'advice', text: 'Nothing by mouth until seen' }],
      sources: [],
      review: false,
    },
  };

  it('says why, beside the items it does give', () => {
    showPlan(null, referral);
    expect(planText()).toContain('The protocol gives no medicine: Refer to a surgeon the same day.');
    expect(screen.getAllByDisplayValue('Nothing by mouth until seen')).toHaveLength(1);
  });

  it('says nothing of the kind when the protocol gives medicine', () => {
    showPlan('balghami');
    expect(planText()).not.toContain('gives no medicine');
  });
});
