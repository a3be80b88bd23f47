// CDS Hooks feedback: what a clinician did with our cards (accepted, or overridden and why), kept so the cards can
// be judged. The card uuids cannot be checked: the hook stores nothing, so a card lives only in the client.
import type { Db } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';

export interface CardFeedback {
  card: string;
  outcome: 'accepted' | 'overridden';
  acceptedSuggestions?: { id: string }[];
  overrideReason?: { reason?: { system?: string; code: string; display?: string }; userComment?: string };
  outcomeTimestamp: string;
}

/** Stores every item of one feedback request, with its audit row, in one transaction; answers how many. */
export async function recordCardFeedback(
  db: Db,
  serviceId: string,
  items: readonly CardFeedback[],
  requestId: string,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.cdsFeedback.createMany({
      data: items.map((f) => ({
        serviceId,
        cardUuid: f.card,
        outcome: f.outcome,
        ...(f.acceptedSuggestions ? { acceptedSuggestions: f.acceptedSuggestions } : {}),
        ...(f.overrideReason ? { overrideReason: f.overrideReason } : {}),
        outcomeTimestamp: new Date(f.outcomeTimestamp),
        requestId,
      })),
    });
    return count;
  });
}
