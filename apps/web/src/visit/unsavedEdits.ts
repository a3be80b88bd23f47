// A visit's edits that have not reached the server, kept on this device (localStorage, one entry per visit) so
// a reload or a lost connection does not lose them. Nothing else is stored, and sign-out removes every entry.
import { z } from 'zod';
import { deviceStorage, editsOwner, UNSAVED_PREFIX } from './editsOnDevice.ts';
import { PlanEdits } from './planDraft.ts';
import { VisitEdits } from './visitEdits.ts';

export { claimUnsavedEdits, forgetUnsavedEdits } from './editsOnDevice.ts';

const Entry = z.object({
  /** The practitioner who typed them: another one signing in on this device never sees them. */
  owner: z.string(),
  visit: VisitEdits.optional(),
  plan: PlanEdits.optional(),
});
type Entry = z.infer<typeof Entry>;
export type UnsavedPart = 'visit' | 'plan';

function readEntry(store: Storage, key: string): Entry | undefined {
  try {
    const parsed = Entry.safeParse(JSON.parse(store.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** One part of this visit's edits kept on this device by the signed-in practitioner, if any. */
export function readUnsavedEdits<P extends UnsavedPart>(visitId: string, part: P): Entry[P] | undefined {
  const store = deviceStorage();
  const entry = store ? readEntry(store, UNSAVED_PREFIX + visitId) : undefined;
  return entry && entry.owner === editsOwner() ? entry[part] : undefined;
}

/** Keeps one part of the visit's unsaved edits on this device, or removes it (`undefined`) once it is saved. */
export function keepUnsavedEdits<P extends UnsavedPart>(visitId: string, part: P, edits: Entry[P] | undefined): void {
  const store = deviceStorage();
  const owner = editsOwner();
  if (!store || !owner) return;
  const key = UNSAVED_PREFIX + visitId;
  const current = readEntry(store, key);
  const entry: Entry = { ...(current?.owner === owner ? current : {}), owner, [part]: edits };
  try {
    if (entry.visit || entry.plan) store.setItem(key, JSON.stringify(entry));
    else store.removeItem(key);
  } catch {
    // Storage full or blocked: the edits stay on the screen, and leaving still asks first.
  }
}
