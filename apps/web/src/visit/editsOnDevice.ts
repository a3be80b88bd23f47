// Whose unsaved visit edits this device may keep, and removing them: what sign-in and sign-out need, kept
// free of validation code so the sign-in page stays small. Reading and writing the edits is unsavedEdits.ts.

export const UNSAVED_PREFIX = 'unani-cdss.unsaved-visit.';

let owner: string | undefined;

/** The practitioner whose edits may be read and kept now, if one is signed in. */
export function editsOwner(): string | undefined {
  return owner;
}

/** Storage can be blocked (private windows, strict settings): then nothing is kept, and nothing fails. */
export function deviceStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function unsavedKeys(store: Storage): string[] {
  return Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (key): key is string => key?.startsWith(UNSAVED_PREFIX) ?? false,
  );
}

function ownerOf(store: Storage, key: string): unknown {
  try {
    return (JSON.parse(store.getItem(key) ?? 'null') as { owner?: unknown } | null)?.owner;
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
  const store = deviceStorage();
  if (!store) return;
  for (const key of unsavedKeys(store)) if (ownerOf(store, key) !== userId) store.removeItem(key);
}

/** Removes every visit's unsaved edits from this device (sign-out). */
export function forgetUnsavedEdits(): void {
  owner = undefined;
  const store = deviceStorage();
  if (!store) return;
  for (const key of unsavedKeys(store)) store.removeItem(key);
}
