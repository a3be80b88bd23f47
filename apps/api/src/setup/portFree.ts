// Fails fast, with a message a person can act on, when the port is taken (usually by a running copy of the
// product) — before the database and model are prepared, and instead of hanging after a listen error.
import { createServer } from 'node:net';

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `Port ${port} on ${host} is already in use — is Unani CDSS already running? Stop the other process, or start this one on another port (PORT=${port + 1} npm start).`,
    );
    this.name = 'PortInUseError';
  }
}

/** Resolves when `port` can be listened on at `host`; rejects with PortInUseError when it is taken. */
export function ensurePortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
