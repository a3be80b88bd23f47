// The visit behind the patient-note pages in the browser tests and the Lighthouse run: a patient with a
// migraine, a confirmed diagnosis and a plan, made through the API as the signed-in practitioner.
import type { APIRequestContext } from 'playwright-core';

export type Send = <T>(path: string, body: unknown) => Promise<T>;

/** POSTs JSON with the session's cookie (held by `request`) and CSRF token; throws on any non-2xx answer. */
export function sendWith(request: APIRequestContext, baseUrl: string, csrfToken: string): Send {
  return async <T>(path: string, data: unknown): Promise<T> => {
    const res = await request.post(`${baseUrl}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

export const SAMPLE_PLAN = {
  items: [
    { kind: 'dawa', formulationCode: 'itrifal-ustukhuddus', dose: '5 g at bedtime', duration: '4 weeks' },
    { kind: 'ghiza', text: 'Light, easily digestible food' },
    { kind: 'ghiza', text: 'Fried and spicy food', avoid: true },
    { kind: 'tadbeer', text: 'Rest in a dark, quiet room' },
  ],
  advice: 'Sleep at regular hours and drink enough water through the day.',
  followUp: 'After two weeks',
};

export interface SampleVisitOptions {
  patient?: { name: string; age: number; sex: 'female' | 'male' };
  complaint?: string;
  /** Run the engine on the visit before confirming the diagnosis. */
  analyse?: boolean;
}

/** A patient and a visit diagnosed as Shaqeeqa with SAMPLE_PLAN saved. */
export async function createPlannedVisit(send: Send, options: SampleVisitOptions = {}) {
  const patient = await send<{ id: string }>(
    '/api/v1/patients',
    options.patient ?? { name: 'Bilal Ahmed', age: 41, sex: 'male' },
  );
  const visit = await send<{ id: string }>(`/api/v1/patients/${patient.id}/encounters`, {
    complaint: options.complaint ?? 'headache with nausea, light hurts the eyes',
  });
  if (options.analyse) await send(`/api/v1/encounters/${visit.id}/analyse`, {});
  await send(`/api/v1/encounters/${visit.id}/diagnosis`, { diseaseCode: 'shaqeeqa' });
  await send(`/api/v1/encounters/${visit.id}/plan`, SAMPLE_PLAN);
  return { patientId: patient.id, visitId: visit.id };
}

/** Shares the visit's note in `language`; the answer carries the link. */
export function shareNote(send: Send, visitId: string, language: 'en' | 'ur') {
  return send<{ id: string; url: string }>(`/api/v1/encounters/${visitId}/notes`, { language });
}
