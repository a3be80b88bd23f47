// The history as a form holds it (one line per allergy, condition or medicine) and back to the record's shape.
import type { KnownCondition, PatientHistory, PregnancyStatus } from '@unani/contracts';
import { todayIso } from '@unani/contracts';

export interface HistoryForm {
  allergies: string;
  conditions: KnownCondition[];
  otherConditions: string;
  medicines: string;
  /** '' is "not recorded". */
  pregnancy: PregnancyStatus | '';
  pregnancyWeeks: string;
}

const lines = (text: string) =>
  text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function historyForm(h: PatientHistory | undefined): HistoryForm {
  return {
    allergies: (h?.allergies ?? []).join('\n'),
    conditions: h?.conditions ?? [],
    otherConditions: (h?.otherConditions ?? []).join('\n'),
    medicines: (h?.medicines ?? []).join('\n'),
    pregnancy: h?.pregnancy?.status ?? '',
    pregnancyWeeks: h?.pregnancy?.weeks !== undefined ? String(h.pregnancy.weeks) : '',
  };
}

/**
 * The record to send. A pregnancy keeps the day it was recorded unless its status or weeks changed, so the
 * weeks go on counting from the day they were true.
 */
export function historyOf(form: HistoryForm, previous?: PatientHistory): PatientHistory {
  const weeks = form.pregnancyWeeks.trim() === '' ? undefined : Number(form.pregnancyWeeks);
  const before = previous?.pregnancy;
  const unchanged = before && before.status === form.pregnancy && before.weeks === weeks;
  return {
    allergies: lines(form.allergies),
    conditions: form.conditions,
    otherConditions: lines(form.otherConditions),
    medicines: lines(form.medicines),
    pregnancy: form.pregnancy
      ? unchanged
        ? before
        : {
            status: form.pregnancy,
            ...(form.pregnancy === 'pregnant' && weeks !== undefined ? { weeks } : {}),
            recordedOn: todayIso(),
          }
      : null,
  };
}
