// The patient's treatment note (being completed): shows the shared note.

import { useQuery } from '@tanstack/react-query';
import type { SharedNote } from '@unani/contracts';
import { useParams } from 'react-router';
import { get } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

export function NotePage() {
  const { token = '' } = useParams();
  const note = useQuery({
    queryKey: ['note', token],
    queryFn: () => get<SharedNote>(`/api/v1/shared-notes/${encodeURIComponent(token)}`),
    retry: false,
  });
  if (note.error)
    return (
      <main className="page">
        <ErrorMessage error={note.error} />
      </main>
    );
  if (!note.data) return <main className="page muted">Loading…</main>;
  return (
    <main className="page">
      <h1>{note.data.diagnosis.name}</h1>
      <p>{note.data.disclaimer}</p>
    </main>
  );
}
