// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { NO_DOSE, type PlanEdits } from './planDraft.ts';
import { claimUnsavedEdits, forgetUnsavedEdits, keepUnsavedEdits, readUnsavedEdits } from './unsavedEdits.ts';
import type { VisitEdits } from './visitEdits.ts';

const edits: VisitEdits = {
  complaint: 'sar dard 3 din se',
  manual: [{ symptom: 'sneezing', name: 'sneezing', present: true, origin: 'picked' }],
  dismissed: ['fever'],
  temperament: 'safravi',
  nabzNotes: 'Nabz saree',
  vitals: { temperature: '101', temperatureUnit: 'F' },
};
const plan: PlanEdits = {
  items: [{ key: 'item-1', kind: 'ghiza', name: '', text: 'Light meals', ...NO_DOSE, avoid: false }],
  advice: '',
  followUp: 'After two weeks',
};

afterEach(() => {
  forgetUnsavedEdits();
  localStorage.clear();
});

describe('unsaved edits kept on the device', () => {
  it('keeps a visit’s edits and its plan under the visit, and removes the entry once both are saved', () => {
    claimUnsavedEdits('hakim-a');
    keepUnsavedEdits('visit-1', 'visit', edits);
    keepUnsavedEdits('visit-1', 'plan', plan);
    expect(readUnsavedEdits('visit-1', 'visit')).toEqual(edits);
    expect(readUnsavedEdits('visit-1', 'plan')).toEqual(plan);
    expect(readUnsavedEdits('visit-2', 'visit')).toBeUndefined();

    keepUnsavedEdits('visit-1', 'visit', undefined);
    expect(readUnsavedEdits('visit-1', 'visit')).toBeUndefined();
    expect(readUnsavedEdits('visit-1', 'plan')).toEqual(plan);
    keepUnsavedEdits('visit-1', 'plan', undefined);
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('stores nothing but the edits, and leaves other settings alone', () => {
    localStorage.setItem('unani-cdss.language', 'ur');
    claimUnsavedEdits('hakim-a');
    keepUnsavedEdits('visit-1', 'visit', edits);
    expect(Object.keys(localStorage).sort()).toEqual(['unani-cdss.language', 'unani-cdss.unsaved-visit.visit-1']);
    expect(JSON.parse(localStorage.getItem('unani-cdss.unsaved-visit.visit-1') ?? '')).toEqual({
      owner: 'hakim-a',
      visit: edits,
    });
    forgetUnsavedEdits();
    expect(Object.keys(localStorage)).toEqual(['unani-cdss.language']);
  });

  it('forgets everything at sign-out, and keeps nothing until someone signs in again', () => {
    claimUnsavedEdits('hakim-a');
    keepUnsavedEdits('visit-1', 'visit', edits);
    forgetUnsavedEdits();
    keepUnsavedEdits('visit-1', 'visit', edits);
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('shows a practitioner only their own edits, and drops another account’s at sign-in', () => {
    claimUnsavedEdits('hakim-a');
    keepUnsavedEdits('visit-1', 'visit', edits);
    claimUnsavedEdits('hakim-a');
    expect(readUnsavedEdits('visit-1', 'visit')).toEqual(edits);
    claimUnsavedEdits('hakim-b');
    expect(readUnsavedEdits('visit-1', 'visit')).toBeUndefined();
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('ignores an entry it cannot read, instead of failing the visit screen', () => {
    claimUnsavedEdits('hakim-a');
    localStorage.setItem('unani-cdss.unsaved-visit.visit-1', '{"owner":"hakim-a","visit":{"complaint":3}');
    expect(readUnsavedEdits('visit-1', 'visit')).toBeUndefined();
    localStorage.setItem('unani-cdss.unsaved-visit.visit-1', JSON.stringify({ owner: 'hakim-a', visit: { x: 1 } }));
    expect(readUnsavedEdits('visit-1', 'visit')).toBeUndefined();
  });
});
