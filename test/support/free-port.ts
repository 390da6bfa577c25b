import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago on `host` (the OS picks it; the server that found it is
 * closed again). For the tests and the bench that start a server or `wrangler dev` on loopback.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error(`no port on ${host}`)),
      );
    });
  });
}
