import type { DiseaseDetail, PlanView } from '@unani/contracts';
import { describe, expect, it } from 'vitest';
import { fromPlan, fromProtocol, NO_DOSE, prescriptionOf, protocolTypes, toPlanRequest } from './planDraft.ts';

const dawa = {
  kind: 'dawa' as const,
  formulation: { code: 'khamira-gaozaban', name: 'Khamira Gaozaban' },
  singleDrug: null,
  text: null,
  textUrdu: null,
  urduReview: false,
  dose: '5 g with milk at bedtime',
  duration: '4 weeks (chronic stage only)',
  prescription: {
    amount: 5,
    unit: 'g' as const,
    frequency: 'bedtime' as const,
    route: 'oral' as const,
    duration: 4,
    durationUnit: 'weeks' as const,
  },
  instructions: 'with milk; (chronic stage only)',
  avoid: false,
  forTypes: null,
};

describe('a plan while it is edited', () => {
  it('takes the protocol’s dose as parts, keeps its other words as instructions, and carries the review mark', () => {
    const protocol = { principles: [], noDawa: null, items: [dawa], sources: [], review: true } as NonNullable<
      DiseaseDetail['protocol']
    >;
    const [item] = fromProtocol(protocol);
    expect(item).toMatchObject({
      name: 'Khamira Gaozaban',
      text: 'with milk; (chronic stage only)',
      amount: '5',
      unit: 'g',
      frequency: 'bedtime',
      route: 'oral',
      duration: '4',
      durationUnit: 'weeks',
      review: true,
    });
  });

  it('starts a plan of one humoural type with the items of every type and of that type only', () => {
    const advice = { ...dawa, kind: 'advice' as const, formulation: null, text: 'Rest', prescription: null };
    const cooling = { ...dawa, formulation: { code: 'arq-e-mako', name: 'Arq-e-Mako' }, forTypes: ['damvi' as const] };
    const warming = {
      ...dawa,
      formulation: { code: 'dawa-ul-kurkum', name: 'Dawa-ul-Kurkum' },
      forTypes: ['balghami' as const, 'saudavi' as const],
    };
    const protocol = {
      principles: [],
      noDawa: null,
      items: [advice, cooling, warming],
      sources: [],
      review: false,
    } as NonNullable<DiseaseDetail['protocol']>;
    expect(protocolTypes(protocol)).toEqual(['damvi', 'balghami', 'saudavi']);
    const names = (type?: 'damvi' | 'balghami' | 'safravi') =>
      fromProtocol(protocol, type).map((i) => i.name || i.text);
    expect(names('damvi')).toEqual(['Rest', 'Arq-e-Mako']);
    expect(names('balghami')).toEqual(['Rest', 'Dawa-ul-Kurkum']);
    // No type chosen, or a type the protocol does not treat apart: only what every type shares.
    expect(names()).toEqual(['Rest']);
    expect(names('safravi')).toEqual(['Rest']);
    expect(protocolTypes({ ...protocol, items: [advice] })).toEqual([]);
  });

  it('sends the parts, and words when the parts make no dose, so nothing typed is lost', () => {
    const base = {
      key: 'k',
      kind: 'dawa' as const,
      formulationCode: 'khamira-gaozaban',
      name: 'Khamira Gaozaban',
      text: '',
      avoid: false,
    };
    const good = {
      ...base,
      ...NO_DOSE,
      amount: '5–7',
      unit: 'g' as const,
      frequency: 'twice-daily' as const,
      duration: '2',
      durationUnit: 'weeks' as const,
    };
    expect(toPlanRequest([good], '', '').items[0]).toMatchObject({
      prescription: {
        amount: 5,
        amountMax: 7,
        unit: 'g',
        frequency: 'twice-daily',
        route: 'oral',
        duration: 2,
        durationUnit: 'weeks',
      },
    });
    const noUnit = { ...base, ...NO_DOSE, amount: 'about 3' };
    expect(prescriptionOf(noUnit).problem).toBe('unit');
    const badAmount = { ...noUnit, unit: 'g' as const };
    expect(prescriptionOf(badAmount).problem).toBe('amount');
    expect(toPlanRequest([badAmount], '', '').items[0]).toMatchObject({ dose: 'about 3 g' });
    expect(prescriptionOf({ ...good, durationUnit: '' }).problem).toBe('duration');
    expect(prescriptionOf({ ...base, ...NO_DOSE })).toEqual({});
  });

  it('reads a plan saved as words back into parts, the unplaced words joining the instructions', () => {
    const plan: PlanView = {
      items: [
        {
          kind: 'dawa',
          formulationCode: 'khamira-gaozaban',
          singleDrugCode: null,
          name: 'Khamira Gaozaban',
          text: 'after food',
          dose: '5 g licked twice daily',
          duration: '2 weeks',
          prescription: {
            amount: 5,
            unit: 'g',
            frequency: 'twice-daily',
            route: 'oral',
            duration: 2,
            durationUnit: 'weeks',
          },
          review: false,
          avoid: false,
          warnings: [],
        },
      ],
      advice: null,
      followUp: null,
      updatedAt: new Date().toISOString(),
    };
    const [item] = fromPlan(plan);
    expect(item).toMatchObject({ amount: '5', unit: 'g', frequency: 'twice-daily', text: 'after food; licked' });
  });
});
