// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { AUTOSAVE_DELAY_MS, failureOf, OFFLINE_RETRY_MS, useAutosave } from './useAutosave.ts';

type Edits = { nabz: string };

function setup(answers: (edits: Edits) => Promise<unknown>, saved: Edits = { nabz: '' }, closed = false) {
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const send = vi.fn(answers);
  const keep = vi.fn();
  const hook = renderHook(
    ({ edits }: { edits: Edits }) => useAutosave({ edits, saved, closed, scope: 'visit-1', send, keep }),
    { wrapper, initialProps: { edits: saved } },
  );
  const type = (nabz: string) => hook.rerender({ edits: { nabz } });
  return { hook, send, keep, type };
}

const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves once typing has paused, not at every keystroke', async () => {
    const { hook, send, type } = setup(async () => undefined);
    expect(hook.result.current.status).toBe('saved');
    type('Nabz');
    await wait(AUTOSAVE_DELAY_MS / 2);
    type('Nabz saree');
    expect(hook.result.current).toMatchObject({ status: 'saving', unsaved: true });
    await wait(AUTOSAVE_DELAY_MS - 1);
    expect(send).not.toHaveBeenCalled();
    await wait(1);
    expect(send.mock.calls).toEqual([[{ nabz: 'Nabz saree' }]]);
    expect(hook.result.current).toMatchObject({ status: 'saved', unsaved: false });
  });

  it('keeps the edits on the device while the server is away, retries, and forgets them once saved', async () => {
    let online = false;
    const { hook, send, keep, type } = setup(async () => {
      if (!online) throw new ApiError(0, 'unreachable');
    });
    type('Nabz saree');
    await wait(AUTOSAVE_DELAY_MS);
    expect(hook.result.current.status).toBe('offline');
    expect(keep).toHaveBeenLastCalledWith({ nabz: 'Nabz saree' });

    type('Nabz saree, mutawatir');
    await wait(AUTOSAVE_DELAY_MS);
    expect(hook.result.current.status).toBe('offline');
    expect(keep).toHaveBeenLastCalledWith({ nabz: 'Nabz saree, mutawatir' });

    online = true;
    await wait(OFFLINE_RETRY_MS);
    expect(send).toHaveBeenLastCalledWith({ nabz: 'Nabz saree, mutawatir' });
    expect(hook.result.current.status).toBe('saved');
    expect(keep).toHaveBeenLastCalledWith(undefined);
  });

  it('stops at a closed visit (409): no retry, nothing kept, nothing left to ask about', async () => {
    const { hook, send, keep, type } = setup(async () => {
      throw new ApiError(409, 'This visit is closed and can no longer change.');
    });
    type('Nabz saree');
    await wait(AUTOSAVE_DELAY_MS);
    expect(hook.result.current).toMatchObject({ status: 'closed', unsaved: false });
    type('Nabz saree, azeem');
    await wait(AUTOSAVE_DELAY_MS + OFFLINE_RETRY_MS);
    expect(send).toHaveBeenCalledTimes(1);
    expect(keep).toHaveBeenLastCalledWith(undefined);
  });

  it('says why edits were refused, and tries again only once they change', async () => {
    const { hook, send, type } = setup(async () => {
      throw new ApiError(400, 'Nabz notes are too long.');
    });
    type('x'.repeat(3000));
    await wait(AUTOSAVE_DELAY_MS + OFFLINE_RETRY_MS);
    expect(hook.result.current.status).toBe('failed');
    expect(hook.result.current.error).toBeInstanceOf(ApiError);
    expect(send).toHaveBeenCalledTimes(1);
    type('x');
    await wait(AUTOSAVE_DELAY_MS);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('saves nothing for a visit closed before the screen opened', async () => {
    const { hook, send, type } = setup(async () => undefined, { nabz: '' }, true);
    type('Nabz saree');
    await wait(AUTOSAVE_DELAY_MS);
    expect(hook.result.current.status).toBe('closed');
    expect(send).not.toHaveBeenCalled();
  });
});

describe('what a failed save means', () => {
  it('is offline without an answer, or when the server or its database is away', () => {
    expect([0, 502, 503, 504].map((status) => failureOf(new ApiError(status, '')))).toEqual([
      'offline',
      'offline',
      'offline',
      'offline',
    ]);
    expect(failureOf(new ApiError(409, ''))).toBe('closed');
    expect(failureOf(new ApiError(400, ''))).toBe('failed');
    expect(failureOf(new Error('Write what to take'))).toBe('failed');
  });
});
