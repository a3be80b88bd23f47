import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePortFree, PortInUseError } from './portFree.ts';

describe('port check before start-up', () => {
  let busy: Server | undefined;
  afterEach(() => new Promise<void>((done) => (busy ? busy.close(() => done()) : done())));

  it('says plainly that the port is taken and which port to use instead', async () => {
    busy = createServer();
    await new Promise<void>((done) => busy?.listen(0, '127.0.0.1', done));
    const address = busy.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const check = ensurePortFree('127.0.0.1', address.port);
    await expect(check).rejects.toBeInstanceOf(PortInUseError);
    await expect(check).rejects.toThrow(`PORT=${address.port + 1} npm start`);
  });

  it('lets a free port through and leaves it free', async () => {
    busy = createServer();
    await new Promise<void>((done) => busy?.listen(0, '127.0.0.1', done));
    const address = busy.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    await new Promise<void>((done) => busy?.close(() => done()));
    busy = undefined;
    await expect(ensurePortFree('127.0.0.1', address.port)).resolves.toBeUndefined();
    await expect(ensurePortFree('127.0.0.1', address.port)).resolves.toBeUndefined();
  });
});
