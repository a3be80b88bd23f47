// One entry of the knowledge base, by the `:code` of the current page.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { get } from '../api/client.ts';

export type KnowledgeKind = 'diseases' | 'symptoms' | 'single-drugs' | 'formulations';

export function useKnowledgeEntry<T>(kind: KnowledgeKind) {
  const { code = '' } = useParams();
  return useQuery({
    queryKey: [kind, code],
    queryFn: () => get<T>(`/api/v1/${kind}/${encodeURIComponent(code)}`),
  });
}
