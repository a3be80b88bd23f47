// The knowledge base's Urdu names of diseases and findings, fetched once when the interface is in Urdu.
import { useQuery } from '@tanstack/react-query';
import type { UrduNames } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { api } from '../api/client.ts';
import { useTranslation } from './i18n.ts';

/** The Urdu names by code while the interface is in Urdu; undefined in English or until they arrive. */
export function useUrduNames(): UrduNames | undefined {
  const { i18n } = useTranslation();
  const urdu = i18n.language === 'ur';
  const names = useQuery({
    queryKey: ['urdu-names'],
    queryFn: () => api(routes.urduNames),
    enabled: urdu,
    // The names change only with the knowledge base: one request per session is enough.
    staleTime: Number.POSITIVE_INFINITY,
  });
  return urdu ? names.data : undefined;
}
