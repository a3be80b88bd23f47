// Checked by `pnpm typecheck`, never run: a call that does not match the route table does not compile. Every
// `@ts-expect-error` marks such a call; the directive itself fails the check if the line ever compiles.
import type { PatientView, VisitListItem } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { expectTypeOf } from 'vitest';
import { api } from './client.ts';

export async function callsTheCompilerRefuses(id: string) {
  // @ts-expect-error the path's parameter is :id, not :patientId
  await api(routes.getPatient, { params: { patientId: id } });
  // @ts-expect-error a route with a path parameter needs it
  await api(routes.getPatient);
  // @ts-expect-error the visit's body has no `complain`
  await api(routes.createVisit, { params: { id }, body: { complain: '' } });
  // @ts-expect-error a patient's age is a number
  await api(routes.createPatient, { body: { name: 'Ali', age: '40', sex: 'male' } });
  // @ts-expect-error the patient list has no `name` query
  await api(routes.listPatients, { query: { name: 'Ali' } });
  // @ts-expect-error the CSV export is linked, not fetched as JSON
  await api(routes.researchCasesCsv);
  // @ts-expect-error a look-alike of a route, with another path, is not a route of the table
  await api({ name: 'getPatient', method: 'GET', path: '/api/v1/patient/:id' }, { params: { id } });
}

export async function answersAreTypedByTheTable(id: string) {
  expectTypeOf(await api(routes.getPatient, { params: { id } })).toEqualTypeOf<PatientView>();
  expectTypeOf((await api(routes.listVisits, { params: { id } })).items).toEqualTypeOf<VisitListItem[]>();
  expectTypeOf(await api(routes.logout)).toEqualTypeOf<null>();
}
