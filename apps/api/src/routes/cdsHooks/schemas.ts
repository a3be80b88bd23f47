// CDS Hooks 2.0 shapes: discovery, the hook request, and the cards we answer with.
import { z } from 'zod';

export const SERVICE_ID = 'unani-cdss-differential';

const PrefetchBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.looseObject({ resource: z.looseObject({ resourceType: z.string() }).optional() })).optional(),
});
export type PrefetchBundle = z.infer<typeof PrefetchBundle>;

/** Prefetch values may be null when the client could not fetch them (CDS Hooks 2.0). */
export const HookRequest = z.object({
  hookInstance: z.string().min(1).max(128),
  hook: z.literal('patient-view'),
  fhirServer: z.string().max(1000).optional(),
  context: z.looseObject({
    userId: z.string().min(1).max(200),
    patientId: z.string().min(1).max(200),
    encounterId: z.string().max(200).optional(),
  }),
  prefetch: z.looseObject({ observations: PrefetchBundle.nullish(), conditions: PrefetchBundle.nullish() }).optional(),
});
export type HookRequest = z.infer<typeof HookRequest>;

export const Card = z.object({
  uuid: z.string(),
  summary: z.string().max(139),
  detail: z.string().optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.object({ label: z.string(), url: z.string().optional() }),
  links: z.array(z.object({ label: z.string(), url: z.string(), type: z.enum(['absolute', 'smart']) })).optional(),
});
export type Card = z.infer<typeof Card>;

export const CardsResponse = z.object({ cards: z.array(Card) });

export const Discovery = z.object({
  services: z.array(
    z.object({
      hook: z.string(),
      id: z.string(),
      title: z.string(),
      description: z.string(),
      prefetch: z.record(z.string(), z.string()),
    }),
  ),
});
