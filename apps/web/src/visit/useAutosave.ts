// Saves what the practitioner edits once typing pauses, one request at a time, and says where it stands. Edits a save
// could not deliver stay on the device; while the server cannot be reached they are tried again; a closed visit never.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useDebounced } from '../components/useDebounced.ts';

/** Typing must pause this long before a save: not a request per keystroke, yet rarely anything left to lose. */
export const AUTOSAVE_DELAY_MS = 800;
/** How often edits kept while offline are tried again, besides when the browser says it is back online. */
export const OFFLINE_RETRY_MS = 5_000;

export type SaveState = 'saved' | 'saving' | 'offline' | 'closed' | 'failed';
type Failure = 'offline' | 'closed' | 'failed';

/** Why a save failed: the server or its database out of reach (worth retrying), a closed visit, or the edits. */
export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    // 0: no answer at all; 502–504: a proxy without the server, or the server without its database.
    if (error.status === 0 || (error.status >= 502 && error.status <= 504)) return 'offline';
    if (error.status === 409) return 'closed';
  }
  return 'failed';
}

interface Options<T> {
  /** The edits as they are now; compared by their JSON. */
  edits: T;
  /** What the server holds when the screen opens (read once), or undefined when it holds none of these edits. */
  saved: T | undefined;
  /** The visit was closed before the screen opened. */
  closed: boolean;
  /** Saves of one record share a scope, so they reach the server in the order they were made. */
  scope: string;
  send: (edits: T) => Promise<unknown>;
  /** Keeps the edits on the device, or forgets them (undefined) once they are saved or can never be. */
  keep: (edits: T | undefined) => void;
}

interface Sent<T> {
  edits: T;
  json: string;
}

export function useAutosave<T>({ edits, saved, closed, scope, send, keep }: Options<T>) {
  const json = JSON.stringify(edits);
  const [savedJson, setSavedJson] = useState(() => (saved === undefined ? undefined : JSON.stringify(saved)));
  const [failure, setFailure] = useState<{ kind: Failure; json: string; error: unknown }>();
  const settled = useDebounced(json, AUTOSAVE_DELAY_MS);
  const mutation = useMutation({
    scope: { id: scope },
    // Try even when the browser says it is offline: the failure is what keeps the edits on the device.
    networkMode: 'always',
    mutationFn: async ({ edits: draft, json: sent }: Sent<T>) => {
      await send(draft);
      return sent;
    },
    onSuccess: (sent) => {
      setSavedJson(sent);
      setFailure(undefined);
    },
    onError: (error, { json: sent }) => setFailure({ kind: failureOf(error), json: sent, error }),
  });
  const { mutate, isPending } = mutation;
  // The retry timer and the storage effect read the newest edits without restarting on every keystroke.
  const latest = useRef({ edits, json, isPending, keep });
  latest.current = { edits, json, isPending, keep };

  const isClosed = closed || failure?.kind === 'closed';
  const status: SaveState = isClosed
    ? 'closed'
    : json === savedJson
      ? 'saved'
      : failure?.kind === 'offline'
        ? 'offline'
        : failure?.kind === 'failed' && failure.json === json
          ? 'failed'
          : 'saving';

  useEffect(() => {
    // Once typing has paused, save what changed; edits that just failed wait for a change or for the retry.
    if (isClosed || isPending || settled !== json || json === savedJson || failure?.json === json) return;
    mutate({ edits: latest.current.edits, json });
  }, [isClosed, isPending, settled, json, savedJson, failure, mutate]);

  const offline = status === 'offline';
  useEffect(() => {
    if (!offline) return;
    const retry = () => {
      const now = latest.current;
      if (!now.isPending) mutate({ edits: now.edits, json: now.json });
    };
    const timer = window.setInterval(retry, OFFLINE_RETRY_MS);
    window.addEventListener('online', retry);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [offline, mutate]);

  // Edits a save could not deliver stay on the device until one does; a reload or the next sign-in brings them back.
  useEffect(() => {
    if (status === 'offline' || status === 'failed') latest.current.keep(edits);
    else if (status === 'saved' || status === 'closed') latest.current.keep(undefined);
  }, [status, edits]);

  return {
    status,
    /** The error of a save refused for its content (status "failed"). */
    error: status === 'failed' ? failure?.error : undefined,
    /** Edits the server does not hold yet and still could. */
    unsaved: status === 'saving' || status === 'offline' || status === 'failed',
    /** Saves these edits now (before analysing, or on the practitioner's "Save"), after any save in flight. */
    saveNow: (next: T) => mutation.mutateAsync({ edits: next, json: JSON.stringify(next) }),
  };
}
