// The start page: what the product is, whether the server is ready, and the advisory notice.
import { useEffect, useState } from 'react';

type Readiness = { status: string; checks: Record<string, string> };

function useReadiness() {
  const [state, setState] = useState<Readiness | 'unreachable' | undefined>();
  useEffect(() => {
    let cancelled = false;
    fetch('/health/ready')
      .then((r) => r.json() as Promise<Readiness>)
      .then((body) => !cancelled && setState(body))
      .catch(() => !cancelled && setState('unreachable'));
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}

export function App() {
  const readiness = useReadiness();
  const statusText =
    readiness === undefined
      ? 'Checking the server…'
      : readiness === 'unreachable'
        ? 'The server cannot be reached.'
        : readiness.status === 'ready'
          ? 'Server ready.'
          : `Server not ready: ${Object.entries(readiness.checks)
              .filter(([, v]) => v !== 'ok')
              .map(([k]) => k)
              .join(', ')}`;
  return (
    <main className="page">
      <header>
        <h1>Unani CDSS</h1>
        <p className="subtitle">Clinical decision support for practitioners of Unani (Greco-Arabic) medicine</p>
      </header>
      <section aria-label="Server status">
        <p role="status">{statusText}</p>
      </section>
      <footer className="disclaimer">
        Decision support only: suggestions are advisory and never replace the practitioner’s clinical judgement.
      </footer>
    </main>
  );
}
