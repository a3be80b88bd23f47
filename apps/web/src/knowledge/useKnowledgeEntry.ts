// One entry of the knowledge base, by the `:code` of the current page.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';

export type KnowledgeKind = 'diseases' | 'symptoms' | 'single-drugs' | 'formulations';

/** `load` calls the kind's route, e.g. `(code) => api(routes.getDisease, { params: { code } })`. */
export function useKnowledgeEntry<T>(kind: KnowledgeKind, load: (code: string) => Promise<T>) {
  const { code = '' } = useParams();
  return useQuery({ queryKey: [kind, code], queryFn: () => load(code) });
}
