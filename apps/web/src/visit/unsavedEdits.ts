// A visit's edits that have not reached the server, kept on this device (localStorage, one entry per visit) so
// a reload or a lost connection does not lose them. Nothing else is stored, and sign-out removes every entry.
import { z } from 'zod';
import { PlanEdits } from './planDraft.ts';
import { VisitEdits } from './visitEdits.ts';

const PREFIX = 'unani-cdss.unsaved-visit.';

const Entry = z.object({
  /** The practitioner who typed them: another one signing in on this device never sees them. */
  owner: z.string(),
  visit: VisitEdits.optional(),
  plan: PlanEdits.optional(),
});
type Entry = z.infer<typeof Entry>;
export type UnsavedPart = 'visit' | 'plan';

let owner: string | undefined;

/** Storage can be blocked (private windows, strict settings): then nothing is kept, and nothing fails. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function entryKeys(store: Storage): string[] {
  return Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (key): key is string => key?.startsWith(PREFIX) ?? false,
  );
}

function readEntry(store: Storage, key: string): Entry | undefined {
  try {
    const parsed = Entry.safeParse(JSON.parse(store.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signed-in practitioner's edits are theirs alone: remembers who is signed in and removes what any other
 * account left on this device (a session that expired without signing out).
 */
export function claimUnsavedEdits(userId: string): void {
  owner = userId;
  const store = storage();
  if (!store) return;
  for (const key of entryKeys(store)) if (readEntry(store, key)?.owner !== userId) store.removeItem(key);
}

/** Removes every visit's unsaved edits from this device (sign-out). */
export function forgetUnsavedEdits(): void {
  owner = undefined;
  const store = storage();
  if (!store) return;
  for (const key of entryKeys(store)) store.removeItem(key);
}

/** One part of this visit's edits kept on this device by the signed-in practitioner, if any. */
export function readUnsavedEdits<P extends UnsavedPart>(visitId: string, part: P): Entry[P] | undefined {
  const store = storage();
  const entry = store ? readEntry(store, PREFIX + visitId) : undefined;
  return entry && entry.owner === owner ? entry[part] : undefined;
}

/** Keeps one part of the visit's unsaved edits on this device, or removes it (`undefined`) once it is saved. */
export function keepUnsavedEdits<P extends UnsavedPart>(visitId: string, part: P, edits: Entry[P] | undefined): void {
  const store = storage();
  if (!store || !owner) return;
  const key = PREFIX + visitId;
  const current = readEntry(store, key);
  const entry: Entry = { ...(current?.owner === owner ? current : {}), owner, [part]: edits };
  try {
    if (entry.visit || entry.plan) store.setItem(key, JSON.stringify(entry));
    else store.removeItem(key);
  } catch {
    // Storage full or blocked: the edits stay on the screen, and leaving still asks first.
  }
}
