import { ApiError } from '../api/client.ts';

/** Shows a failed request's message in words a person can act on. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const text = error instanceof ApiError || error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
