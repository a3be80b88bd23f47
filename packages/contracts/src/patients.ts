// Patients: owned by one practitioner, holding the minimum identifying data.
import { z } from 'zod';
import { Sex, Temperament } from './vocabulary.ts';

export const MAX_AGE_YEARS = 130;

export const PatientCreate = z.object({
  name: z.string().trim().min(1).max(191),
  age: z.number().int().min(0).max(MAX_AGE_YEARS),
  sex: Sex,
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,31}$/, 'a phone number has digits, spaces, dashes or brackets, optionally a leading +')
    .optional(),
  temperament: Temperament.optional(),
});
export type PatientCreate = z.infer<typeof PatientCreate>;

export const PatientUpdate = PatientCreate.partial().extend({
  phone: PatientCreate.shape.phone.nullable(),
  temperament: Temperament.nullable().optional(),
});
export type PatientUpdate = z.infer<typeof PatientUpdate>;

export const PatientView = z
  .object({
    id: z.string(),
    name: z.string(),
    age: z.number().int(),
    sex: Sex,
    phone: z.string().nullable(),
    temperament: Temperament.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    lastVisitAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Patient' });
export type PatientView = z.infer<typeof PatientView>;

export const PatientListQuery = z.object({
  q: z.string().trim().max(191).optional(),
});
export type PatientListQuery = z.infer<typeof PatientListQuery>;
