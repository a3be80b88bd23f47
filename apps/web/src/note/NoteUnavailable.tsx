// A link that no longer opens (expired or withdrawn) or never did: said kindly, with the server's explanation.
import { ApiError } from '../api/client.ts';

function headingFor(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The note could not be opened';
  if (error.status === 410) return 'This note is no longer available';
  if (error.status === 404) return 'This link is not valid';
  if (error.status === 429) return 'Please wait a moment';
  return 'The note could not be opened';
}

export function NoteUnavailable({ error }: { error: unknown }) {
  const message =
    error instanceof ApiError && error.status > 0 && error.status < 500
      ? error.message
      : 'We could not load your note just now. Please check the connection and try again in a moment.';
  return (
    <main className="page note">
      <section className="card note-unavailable" role="alert">
        <h1>{headingFor(error)}</h1>
        <p>{message}</p>
      </section>
    </main>
  );
}
