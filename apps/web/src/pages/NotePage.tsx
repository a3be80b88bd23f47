// The patient's treatment note, opened from the link the practitioner shared; no account needed.

import { useQuery } from '@tanstack/react-query';
import type { SharedNote } from '@unani/contracts';
import { useParams } from 'react-router';
import { get } from '../api/client.ts';
import { NoteUnavailable } from '../note/NoteUnavailable.tsx';
import { NoteView } from '../note/NoteView.tsx';

export function NotePage() {
  const { token = '' } = useParams();
  const note = useQuery({
    queryKey: ['note', token],
    queryFn: () => get<SharedNote>(`/api/v1/shared-notes/${encodeURIComponent(token)}`),
    retry: false,
  });
  if (note.error) return <NoteUnavailable error={note.error} />;
  if (!note.data) return <main className="page note muted">Loading your note…</main>;
  return <NoteView note={note.data} />;
}
