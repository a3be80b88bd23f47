// The notes shared from this visit, whether each still opens, and revoking one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { type NoteSummaryView, notesKey, useNotes } from './queries.ts';

const languageNames = { en: 'English', ur: 'Urdu' } as const;

function stateOf(note: NoteSummaryView): string {
  const date = (iso: string) => new Date(iso).toLocaleDateString();
  if (note.revokedAt) return `Revoked ${date(note.revokedAt)}`;
  if (new Date(note.expiresAt).getTime() <= Date.now()) return `Expired ${date(note.expiresAt)}`;
  return `Active until ${date(note.expiresAt)}`;
}

export function NotesList({ visitId }: { visitId: string }) {
  const client = useQueryClient();
  const notes = useNotes(visitId);
  const revoke = useMutation({
    mutationFn: (noteId: string) => post(`/api/v1/notes/${noteId}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: notesKey(visitId) }),
  });
  if (notes.error) return <ErrorMessage error={notes.error} />;
  if (!notes.data) return <p className="muted">Loading the shared notes…</p>;
  if (notes.data.items.length === 0) return <p className="muted">No note shared from this visit yet.</p>;
  return (
    <>
      <h3>Shared notes</h3>
      <ul className="list" aria-label="Shared notes">
        {notes.data.items.map((n) => {
          const active = !n.revokedAt && new Date(n.expiresAt).getTime() > Date.now();
          return (
            <li key={n.id}>
              <div>
                <span>
                  {languageNames[n.language]} · shared {new Date(n.createdAt).toLocaleString()}
                </span>
                <span className="row">
                  <span className={active ? '' : 'muted'}>{stateOf(n)}</span>
                  {active && (
                    <button
                      type="button"
                      className="small danger"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(n.id)}
                    >
                      Revoke link
                    </button>
                  )}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={revoke.error} />
    </>
  );
}
