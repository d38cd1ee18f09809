import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { compileRouteTable } from '../../lib/config/views/authorizer-routes';
import { loadConfig } from '../../lib/config/load';
import { enabledServices } from '../../lib/config/model';
import { bundleHandler } from '../../modules/lambda/bundle';
import { deterministicZip } from '../../modules/lambda/deterministic-zip';
import { REPOSITORY_ROOT } from '../../modules/lambda/function-archive';
import type { AuthorizerSettings } from '../../lambdas/authorizer/settings';
import { requestEvent } from '../../tests/lambdas/support/authorizer-events';
import { startJwksServer, type JwksServer } from '../../tests/lambdas/support/jwks-server';
import { ecSigningKey, jwks, rsaSigningKey, signJwt, type SigningKey } from '../../tests/lambdas/support/signing-keys';

/**
 * `make bench` (tools/bench/run.sh): the authorizer as deployed, i.e. the bundled index.js with the prod
 * route table, against key sets served on 127.0.0.1. Prints bundle size, cold initialisation, warm
 * verification latency over 10,000 distinct tokens, and throughput with 100 requests in flight.
 *
 * Lambda runs the bundle on Node.js 22 / arm64; this measures on the local Node and CPU, so the figures
 * are comparable run to run on one machine, not a prediction of Lambda's numbers.
 */

const TOKENS = 10_000;
const WARM_UP_CALLS = 500;
const COLD_STARTS = 20;
const CONCURRENCY = 100;
const TARGETS = { bundleKb: 150, warmP99Ms: 1, coldInitMs: 100 };

type Handler = (event: unknown) => Promise<APIGatewayAuthorizerResult>;

async function main(): Promise<void> {
  const workforce = rsaSigningKey('bench-rsa-1');
  const partner = ecSigningKey('bench-ec-1');
  const server = await startJwksServer({ '/workforce/keys': jwks(workforce), '/partners/keys': jwks(partner) }, { lifetimeMs: 15 * 60_000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'uag-authorizer-bench-'));
  try {
    const { bundleBytes, archiveBytes, issuers } = writeDeployableArchive(dir, server);
    const tokens = signTokens(workforce, partner, issuers);

    const cold = await coldStarts(dir, tokens[0].event);
    const handler = loadHandler(dir);
    const warm = await quietly(() => warmLatencies(handler, tokens));
    const throughput = await quietly(() => concurrentThroughput(handler, tokens));
    const coldBurst = await coldBurstDownloads(dir, server, tokens[0].event);

    const rows: string[][] = [
      ['bundle size (index.js, minified)', `${kb(bundleBytes)} KB`, `< ${TARGETS.bundleKb} KB`, verdict(bundleBytes / 1024 < TARGETS.bundleKb)],
      ['deployment archive (zip: bundle, source map, routes, issuers)', `${kb(archiveBytes)} KB`, '', ''],
      [
        `cold initialisation, require of index.js (median of ${COLD_STARTS} processes; max)`,
        `${ms(median(cold.init))} ms (max ${ms(Math.max(...cold.init))})`,
        `< ${TARGETS.coldInitMs} ms`,
        verdict(median(cold.init) < TARGETS.coldInitMs),
      ],
      ['first decision after init, incl. JWKS download (median)', `${ms(median(cold.first))} ms`, '', ''],
      [
        `warm verification p50 / p99 (${TOKENS.toLocaleString('en')} distinct tokens)`,
        `${ms(percentile(warm.all, 50))} / ${ms(percentile(warm.all, 99))} ms`,
        `p99 < ${TARGETS.warmP99Ms} ms`,
        verdict(percentile(warm.all, 99) < TARGETS.warmP99Ms),
      ],
      ['  RS256 p50 / p99', `${ms(percentile(warm.rs256, 50))} / ${ms(percentile(warm.rs256, 99))} ms`, '', ''],
      ['  ES256 p50 / p99', `${ms(percentile(warm.es256, 50))} / ${ms(percentile(warm.es256, 99))} ms`, '', ''],
      [
        `throughput, ${CONCURRENCY} concurrent requests (${TOKENS.toLocaleString('en')} in total)`,
        `${Math.round(throughput.perSecond).toLocaleString('en')} decisions/s (p99 ${ms(throughput.p99)} ms)`,
        '',
        '',
      ],
      [
        `JWKS downloads of one issuer for ${CONCURRENCY} concurrent requests on a cold start`,
        `${coldBurst.downloads}`,
        '1',
        verdict(coldBurst.downloads === 1),
      ],
    ];
    console.log(`Authorizer benchmark: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), JWKS on 127.0.0.1`);
    console.log(table(['measure', 'value', 'target', 'met'], rows));
    if (warm.allowed !== TOKENS || throughput.allowed !== TOKENS) {
      throw new Error(`expected every benchmark token to be allowed; warm ${warm.allowed}/${TOKENS}, concurrent ${throughput.allowed}/${TOKENS}`);
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The prod authorizer archive exactly as synth builds it, except that the issuers' keys are served locally. */
function writeDeployableArchive(dir: string, server: JwksServer) {
  const config = loadConfig(REPOSITORY_ROOT);
  const prod = config.environments.find((environment) => environment.config.name === 'prod')?.config;
  if (!prod) throw new Error('the example configuration has no prod environment');
  const [first, second] = prod.authorizer.issuers;
  const issuers: AuthorizerSettings = {
    issuers: [
      { ...first, jwksUri: server.url('/workforce/keys'), algorithms: ['RS256'] },
      {
        ...(second ?? { ...first, issuer: 'https://partners.example.com/oidc', audiences: [], clientIds: ['partner-hub-settlement'] }),
        jwksUri: server.url('/partners/keys'),
        algorithms: ['ES256'],
      },
    ],
  };
  const bundle = bundleHandler({ entry: 'lambdas/authorizer/index.ts', rootDir: REPOSITORY_ROOT });
  const files = new Map(bundle.files);
  files.set('issuers.json', Buffer.from(`${JSON.stringify(issuers)}\n`));
  files.set('routes.json', Buffer.from(`${JSON.stringify(compileRouteTable(enabledServices(config, prod)))}\n`));
  for (const [name, data] of files) writeFileSync(path.join(dir, name), data);
  const archive = deterministicZip([...files].map(([name, data]) => ({ name, data })));
  return { bundleBytes: bundle.files.get('index.js')?.length ?? 0, archiveBytes: archive.length, issuers };
}

interface BenchToken {
  readonly alg: 'RS256' | 'ES256';
  readonly event: unknown;
}

/** Half workforce RS256 tokens, half partner ES256 tokens, each with a different subject and the scope its route needs. */
function signTokens(workforce: SigningKey, partner: SigningKey, settings: AuthorizerSettings): BenchToken[] {
  const [workforceIssuer, partnerIssuer] = settings.issuers;
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return Array.from({ length: TOKENS }, (_, index) => {
    const rsa = index % 2 === 0;
    const claims = rsa
      ? {
          iss: workforceIssuer.issuer,
          sub: `user-${index}`,
          aud: workforceIssuer.audiences[0],
          client_id: 'merchant-portal',
          scope: 'openid payments/read',
          exp,
        }
      : { iss: partnerIssuer.issuer, sub: `partner-${index}`, client_id: partnerIssuer.clientIds[0], scope: 'payments/read payments/write', exp };
    const token = signJwt(rsa ? workforce : partner, claims);
    return {
      alg: rsa ? 'RS256' : 'ES256',
      event: requestEvent({ authorization: `Bearer ${token}`, method: 'GET', resource: '/payments/{id}', requestId: `bench-${index}` }),
    };
  });
}

/** Fresh Node processes load the bundle: the module's init is what Lambda's init phase runs (the JWKS download is started, not awaited). */
async function coldStarts(dir: string, event: unknown): Promise<{ init: number[]; first: number[] }> {
  const script = `
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true; // decision logs are not part of the measurement output
    const t0 = process.hrtime.bigint();
    const { handler } = require(process.argv[1] + '/index.js');
    const t1 = process.hrtime.bigint();
    handler(JSON.parse(process.argv[2])).then((result) => {
      const t2 = process.hrtime.bigint();
      write(JSON.stringify({ init: Number(t1 - t0) / 1e6, first: Number(t2 - t1) / 1e6, effect: result.policyDocument.Statement[0].Effect }));
    }, (error) => { write(JSON.stringify({ error: String(error) })); });
  `;
  const init: number[] = [];
  const first: number[] = [];
  for (let run = 0; run < COLD_STARTS; run++) {
    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['-e', script, dir, JSON.stringify(event)], { timeout: 30_000, env: { PATH: process.env.PATH ?? '' } }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    const result = JSON.parse(output) as { init: number; first: number; effect?: string; error?: string };
    if (result.effect !== 'Allow') throw new Error(`cold start did not allow the benchmark token: ${output}`);
    init.push(result.init);
    first.push(result.first);
  }
  return { init, first };
}

/** The bundled handler, loaded in this process like the Lambda runtime loads it. */
function loadHandler(dir: string): Handler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(dir, 'index.js')) as { handler: Handler }).handler;
}

/** Runs `work` with stdout swallowed: the handler's decision log lines are still serialised, just not printed. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}

async function warmLatencies(handler: Handler, tokens: readonly BenchToken[]) {
  for (let call = 0; call < WARM_UP_CALLS; call++) await handler(tokens[call % tokens.length].event);
  const all: number[] = [];
  const rs256: number[] = [];
  const es256: number[] = [];
  let allowed = 0;
  for (const token of tokens) {
    const start = performance.now();
    const result = await handler(token.event);
    const elapsed = performance.now() - start;
    all.push(elapsed);
    (token.alg === 'RS256' ? rs256 : es256).push(elapsed);
    if (result.policyDocument.Statement[0].Effect === 'Allow') allowed++;
  }
  return { all, rs256, es256, allowed };
}

async function concurrentThroughput(handler: Handler, tokens: readonly BenchToken[]) {
  let next = 0;
  let allowed = 0;
  const latencies: number[] = [];
  const worker = async (): Promise<void> => {
    while (next < tokens.length) {
      const token = tokens[next++];
      const start = performance.now();
      const result = await handler(token.event);
      latencies.push(performance.now() - start);
      if (result.policyDocument.Statement[0].Effect === 'Allow') allowed++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: tokens.length / seconds, p99: percentile(latencies, 99), allowed };
}

/** A new process gets 100 requests at once before any key set is cached; the server counts the downloads. */
async function coldBurstDownloads(dir: string, server: JwksServer, event: unknown): Promise<{ downloads: number }> {
  const before = server.hits('/workforce/keys');
  const script = `
    process.stdout.write = () => true;
    const { handler } = require(process.argv[1] + '/index.js');
    Promise.all(Array.from({ length: ${CONCURRENCY} }, () => handler(JSON.parse(process.argv[2])))).then(() => process.exit(0), () => process.exit(1));
  `;
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ['-e', script, dir, JSON.stringify(event)], { timeout: 30_000, env: { PATH: process.env.PATH ?? '' } }, (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  return { downloads: server.hits('/workforce/keys') - before };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const median = (values: readonly number[]): number => percentile(values, 50);
const ms = (value: number): string => (value < 10 ? value.toFixed(3) : value.toFixed(1));
const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const verdict = (met: boolean): string => (met ? 'yes' : 'NO');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
