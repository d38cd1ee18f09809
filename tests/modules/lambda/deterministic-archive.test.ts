import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BundledFunction } from '../../../modules/lambda/bundled-function';
import { bundleHandler } from '../../../modules/lambda/bundle';
import { deterministicZip, type ZipEntry } from '../../../modules/lambda/deterministic-zip';
import { REPO_ROOT } from '../../support/example-config';
import { readZip } from './support/read-zip';
import { testStack } from './support/synth';

/**
 * The same source must give the same archive bytes, and so the same `source_code_hash`, on every
 * machine and in every run: otherwise every plan would show the functions as changed.
 */

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('base64');
const ENTRIES: ZipEntry[] = [
  { name: 'routes.json', data: Buffer.from('{"version":1,"services":{}}\n') },
  { name: 'index.js', data: Buffer.from('exports.handler = async () => "ok";\n') },
  { name: 'index.js.map', data: Buffer.from('{"version":3,"sources":[],"mappings":""}') },
];

describe('deterministic zip', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('writes identical bytes for the same entries, whatever their order and the machine time zone', () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const first = deterministicZip(ENTRIES);
    process.env.TZ = 'America/Los_Angeles';
    const second = deterministicZip([...ENTRIES].reverse());

    expect(sha256(second)).toBe(sha256(first));
  });

  it('sorts entries, stores them uncompressed with one fixed timestamp and mode', () => {
    const entries = readZip(deterministicZip(ENTRIES));

    expect(entries.map((entry) => entry.name)).toEqual(['index.js', 'index.js.map', 'routes.json']);
    for (const entry of entries) {
      expect(entry).toMatchObject({ method: 0, dosDate: (0 << 9) | (1 << 5) | 1, dosTime: 0, mode: 0o100644 });
    }
    expect(entries[2].data.toString()).toBe('{"version":1,"services":{}}\n');
  });

  it('changes when any byte of any entry changes', () => {
    const changed = ENTRIES.map((entry) => (entry.name === 'routes.json' ? { ...entry, data: Buffer.from('{"version":1,"services":{"a":{}}}\n') } : entry));
    expect(sha256(deterministicZip(changed))).not.toBe(sha256(deterministicZip(ENTRIES)));
  });

  it.each([['../escape.js'], ['/etc/passwd'], ['dir//file'], ['with space.js']])('fails when an entry is named %s', (name) => {
    expect(() => deterministicZip([{ name, data: Buffer.from('x') }])).toThrow(`zip entry name must be a relative path`);
  });

  it('fails when an entry is listed twice', () => {
    expect(() => deterministicZip([ENTRIES[0], ENTRIES[0]])).toThrow('zip entry "routes.json" is listed twice');
  });
});

describe('bundle', () => {
  // What esbuild itself produces, not what the build cache (build-cache.test.ts) recorded.
  beforeAll(() => {
    process.env.UAG_LAMBDA_CACHE = 'off';
  });
  afterAll(() => {
    delete process.env.UAG_LAMBDA_CACHE;
  });

  it('is byte-for-byte the same when built from a checkout in another directory', () => {
    // GIVEN a second checkout: the handler sources, the lib files they import and their one runtime dependency, elsewhere
    const checkout = mkdtempSync(path.join(tmpdir(), 'uag-checkout-'));
    cpSync(path.join(REPO_ROOT, 'lambdas'), path.join(checkout, 'lambdas'), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'lib'), path.join(checkout, 'lib'), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'node_modules', 'aws-jwt-verify'), path.join(checkout, 'node_modules', 'aws-jwt-verify'), { recursive: true });

    // WHEN both are bundled
    const here = bundleHandler({ rootDir: REPO_ROOT, entry: 'lambdas/authorizer/index.ts' });
    const there = bundleHandler({ rootDir: checkout, entry: 'lambdas/authorizer/index.ts' });

    // THEN the files, and so the archives, are identical
    expect([...there.files.keys()]).toEqual([...here.files.keys()]);
    for (const [name, data] of here.files) expect(sha256(there.files.get(name) as Buffer)).toBe(sha256(data));
    const archive = (files: ReadonlyMap<string, Buffer>) => sha256(deterministicZip([...files].map(([name, data]) => ({ name, data }))));
    expect(archive(there.files)).toBe(archive(here.files));
  });

  it('keeps source-map paths relative, so no machine path ends up in the archive', () => {
    const map = JSON.parse(bundleHandler({ rootDir: REPO_ROOT, entry: 'lambdas/authorizer/index.ts' }).files.get('index.js.map')?.toString() ?? '{}') as {
      sources: string[];
    };
    expect(map.sources).toContain('../../lambdas/authorizer/index.ts');
    expect(map.sources.every((source) => !path.isAbsolute(source) && !source.includes(REPO_ROOT))).toBe(true);
  });

  it('fails with the file and line when the handler does not compile', () => {
    const checkout = mkdtempSync(path.join(tmpdir(), 'uag-broken-'));
    cpSync(path.join(REPO_ROOT, 'tests/modules/lambda/fixtures/greeter'), path.join(checkout, 'lambdas/greeter'), { recursive: true });
    writeFileSync(path.join(checkout, 'lambdas/greeter/index.ts'), 'import { missing } from "./nowhere";\nexport const handler = missing;\n');
    expect(() => bundleHandler({ rootDir: checkout, entry: 'lambdas/greeter/index.ts' })).toThrow(
      /bundling lambdas\/greeter\/index\.ts failed:\n {2}lambdas\/greeter\/index\.ts:1: Could not resolve "\.\/nowhere"/,
    );
  });
});

describe('source_code_hash', () => {
  it('is the same in two separate builds (fresh processes, different time zones) as in this one', () => {
    const { stack } = testStack();
    const here = new BundledFunction(stack, 'Greeter', {
      entry: 'tests/modules/lambda/fixtures/greeter/index.ts',
      functionName: 'dev-greeter',
      accountId: '444455556666',
      logKmsKeyArn: 'arn:aws:kms:ap-southeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      files: { 'greeting.txt': 'Hello\n' },
    });
    const build = (timeZone: string) =>
      execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [path.join(__dirname, 'support/print-archive-hash.ts')], {
        cwd: REPO_ROOT,
        env: { ...process.env, TZ: timeZone },
        encoding: 'utf8',
      }).trim();

    const builds = [build('Asia/Singapore'), build('Europe/Berlin')];

    expect(builds).toEqual([here.sourceCodeHash, here.sourceCodeHash]);
  });
});
