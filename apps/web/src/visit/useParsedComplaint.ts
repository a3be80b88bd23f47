// The complaint parsed as the practitioner types: one request once typing pauses, the last answer kept meanwhile.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Finding } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { api } from '../api/client.ts';
import { useDebounced } from '../components/useDebounced.ts';

const PARSE_DELAY_MS = 400;

export interface ParsedText {
  text: string;
  findings: Finding[];
}

const parseKey = (text: string) => ['parse', text] as const;
const parseText = async (text: string): Promise<ParsedText> => ({
  text,
  findings: (await api(routes.parse, { body: { text } })).findings,
});

// Both fail at once while the browser is offline instead of waiting for the network: a save waiting on a parse
// must fail too, for its edits to be kept on the device.
export function useParsedComplaint(text: string, enabled: boolean) {
  const client = useQueryClient();
  const settled = useDebounced(text, PARSE_DELAY_MS);
  const query = useQuery({
    queryKey: parseKey(settled),
    queryFn: () => parseText(settled),
    enabled: enabled && settled.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
  });
  /** The findings of exactly this text, without waiting for the pause (before saving). */
  const parseNow = (now: string) =>
    client.fetchQuery({
      queryKey: parseKey(now),
      queryFn: () => parseText(now),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    });
  return { data: query.data, error: query.error, isFetching: query.isFetching, parseNow };
}
