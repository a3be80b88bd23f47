// CDS Hooks 2.0 shapes: discovery, the hook request, the cards we answer with, and feedback on a card.
import { z } from 'zod';

export const SERVICE_ID = 'unani-cdss-differential';
/** CDS Hooks 2.0: a card's summary is a "<140-character" sentence. */
export const CARD_SUMMARY_MAX = 139;

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
  prefetch: z
    .looseObject({
      patient: z.looseObject({ resourceType: z.string() }).nullish(),
      observations: PrefetchBundle.nullish(),
      conditions: PrefetchBundle.nullish(),
    })
    .optional(),
});
export type HookRequest = z.infer<typeof HookRequest>;

export const Card = z.object({
  /** Named by the client's feedback on the card. */
  uuid: z.uuid(),
  summary: z.string().max(CARD_SUMMARY_MAX),
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

const Coding = z.strictObject({
  system: z.string().max(500).optional(),
  code: z.string().max(200),
  display: z.string().max(500).optional(),
});

/** One card's outcome (CDS Hooks 2.0 §Feedback): what was accepted, or why the card was overridden. */
const FeedbackItem = z.discriminatedUnion('outcome', [
  z.strictObject({
    card: z.uuid(),
    outcome: z.literal('accepted'),
    acceptedSuggestions: z
      .array(z.strictObject({ id: z.string().min(1).max(128) }))
      .max(50)
      .optional(),
    outcomeTimestamp: z.iso.datetime({ offset: true }),
  }),
  z.strictObject({
    card: z.uuid(),
    outcome: z.literal('overridden'),
    overrideReason: z
      .strictObject({ reason: Coding.optional(), userComment: z.string().max(2000).optional() })
      .optional(),
    outcomeTimestamp: z.iso.datetime({ offset: true }),
  }),
]);
export type FeedbackItem = z.infer<typeof FeedbackItem>;

export const FeedbackRequest = z.strictObject({ feedback: z.array(FeedbackItem).min(1).max(50) });

/** CDS Hooks 2.0 asks only for 200 OK; the body is empty. */
export const FeedbackResponse = z.object({});
