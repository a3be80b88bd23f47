// A TCP proxy a test can cut and restore, standing between the API's database client and MariaDB.
import net from 'node:net';

export interface TcpProxy {
  /** The local port clients connect to. */
  port: number;
  /** Destroys every open connection and stops listening: new connections are refused (ECONNREFUSED). */
  cut(): Promise<void>;
  /** Listens on the same port again and forwards new connections. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (!address || typeof address === 'string') reject(new Error('the proxy has no TCP address'));
      else resolve(address.port);
    });
  });
}

/** Forwards 127.0.0.1:<free port> to `target` until cut. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const port = await listen(server, 0);
  const destroyAll = () => {
    for (const socket of open) socket.destroy();
  };
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      destroyAll();
    });
  return {
    port,
    cut: stopListening,
    async restore() {
      if (!server.listening) await listen(server, port);
    },
    close: stopListening,
  };
}
