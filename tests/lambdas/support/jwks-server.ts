import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A JWKS endpoint on 127.0.0.1 served by the test itself. It counts requests per path and stops itself
 * after `lifetimeMs` even if a test forgets to, so a failing test cannot leave a listener behind.
 */
export interface JwksServer {
  /** `http://127.0.0.1:<port><path>`. */
  url(path: string): string;
  /** Requests received for the path so far. */
  hits(path: string): number;
  /** Replace the document served at the path (key rotation). */
  serve(path: string, document: object): void;
  stop(): Promise<void>;
}

export async function startJwksServer(documents: Record<string, object>, options: { lifetimeMs?: number } = {}): Promise<JwksServer> {
  const served = new Map(Object.entries(documents));
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const document = served.get(path);
    if (!document) {
      response.writeHead(404).end();
      return;
    }
    const body = JSON.stringify(document);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      clearTimeout(watchdog);
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopped;
  };
  const watchdog = setTimeout(() => void stop(), options.lifetimeMs ?? 60_000);
  watchdog.unref();

  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits: (path) => hits.get(path) ?? 0,
    serve: (path, document) => void served.set(path, document),
    stop,
  };
}

/** A loopback URL where nothing listens: a JWKS endpoint that is down. */
export async function unreachableUrl(path: string): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}
