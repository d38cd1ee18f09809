/** Downloads a JSON Web Key Set. Injected into the key cache, so tests and the benchmark can count or fail fetches. */
export type JwksFetcher = (jwksUri: string) => Promise<unknown>;

export interface HttpJwksFetcherOptions {
  /** Give up after this long; a cold start waits for it, so it stays well under the function timeout. */
  readonly timeoutMs: number;
  /** Refuse larger documents: a key set is a few KB, anything bigger is a misconfiguration or an attack. */
  readonly maxBytes: number;
}

export const DEFAULT_FETCH_OPTIONS: HttpJwksFetcherOptions = { timeoutMs: 2000, maxBytes: 64 * 1024 };

/** Fetches with the runtime's built-in fetch (no bundled HTTP client); redirects are refused, not followed. */
export function httpJwksFetcher(options: HttpJwksFetcherOptions = DEFAULT_FETCH_OPTIONS): JwksFetcher {
  return async (jwksUri) => {
    const response = await fetch(jwksUri, {
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`JWKS endpoint answered HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      throw new Error(`JWKS document of ${declared} bytes exceeds ${options.maxBytes}`);
    }
    const body = await readLimited(response, options.maxBytes);
    return JSON.parse(body) as unknown;
  };
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`JWKS document exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
