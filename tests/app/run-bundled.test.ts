import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runBundled } from '../../app/run-bundled';
import { REPO_ROOT } from '../support/example-config';
import { sharedExampleSynth } from '../support/shared-example';

/**
 * main.ts runs app/cli.ts from a cached esbuild bundle with V8's code cache (app/run-bundled.ts). What runs must be
 * the current sources, with each file's own __dirname, and what it writes must be what the sources write unbundled.
 */
function fixture(): { entry: string; cacheDir: string; out: string; nested: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'uag-bundle-'));
  const nested = path.join(root, 'deep', 'er');
  mkdirSync(nested, { recursive: true });
  writeFileSync(path.join(nested, 'where.ts'), 'export const where = { dirname: __dirname, filename: __filename };\n');
  writeFileSync(
    path.join(nested, 'strict.js'),
    "// a package's CommonJS file\n'use strict';\nmodule.exports = { strict: (function () { return this === undefined; })(), dirname: __dirname };\n",
  );
  const out = path.join(root, 'out.json');
  // The bundle runs outside jest's sandbox (another process.env), so it reports through a file named in its source.
  writeFileSync(
    path.join(root, 'entry.ts'),
    [
      "import { writeFileSync } from 'node:fs';",
      "import { where } from './deep/er/where';",
      '// eslint-disable-next-line @typescript-eslint/no-require-imports',
      "const strict = require('./deep/er/strict');",
      "const message: string = 'first';",
      // A regular expression keeps its non-ASCII characters in the bundle, which must then be read as UTF-8.
      "const decoded = /^é$/.test('\\u00e9');",
      `writeFileSync(${JSON.stringify(out)}, JSON.stringify({ message, where, strict, decoded }));`,
      '',
    ].join('\n'),
  );
  return { entry: path.join(root, 'entry.ts'), cacheDir: path.join(root, 'cache'), out, nested };
}

async function run(
  entry: string,
  cacheDir: string,
  out: string,
): Promise<{ message: string; where: { dirname: string; filename: string }; strict: { strict: boolean; dirname: string }; decoded: boolean }> {
  await runBundled(entry, { cacheDir });
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('runBundled', () => {
  it("gives every bundled file its own __dirname and __filename, not the bundle's, and keeps 'use strict' files strict", async () => {
    const { entry, cacheDir, out, nested } = fixture();
    const result = await run(entry, cacheDir, out);
    expect(result.where).toEqual({ dirname: nested, filename: path.join(nested, 'where.ts') });
    expect(result.strict).toEqual({ strict: true, dirname: nested });
    expect(result.decoded).toBe(true);
    expect((await run(entry, cacheDir, out)).decoded).toBe(true); // read back from the cache this time
  });

  it('runs an edited source, not the bundle of the previous version', async () => {
    const { entry, cacheDir, out } = fixture();
    expect((await run(entry, cacheDir, out)).message).toBe('first');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace("'first'", "'second, edited'"));
    expect((await run(entry, cacheDir, out)).message).toBe('second, edited');
  });

  it('runs an edit that keeps the bundle the same length (V8 checks only the length of a cached source)', async () => {
    const { entry, cacheDir, out } = fixture();
    expect((await run(entry, cacheDir, out)).message).toBe('first');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace("'first'", "'fir5t'"));
    expect((await run(entry, cacheDir, out)).message).toBe('fir5t');
  });

  it('reuses the code cache of an unchanged bundle and drops those of older bundles', async () => {
    const { entry, cacheDir, out } = fixture();
    await run(entry, cacheDir, out);
    const cached = () => readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'));
    const [first] = cached();
    const written = statSync(path.join(cacheDir, first!)).mtimeMs;
    await run(entry, cacheDir, out);
    expect(cached()).toEqual([first]);
    expect(statSync(path.join(cacheDir, first!)).mtimeMs).toBe(written);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace("'first'", "'third'"));
    await run(entry, cacheDir, out);
    expect(cached()).toHaveLength(1);
    expect(cached()).not.toEqual([first]);
  });

  it('keeps entry points of the same name apart in one cache directory (checkouts of other commits)', async () => {
    const first = fixture();
    const second = fixture();
    writeFileSync(second.entry, readFileSync(second.entry, 'utf8').replace("'first'", "'other'"));
    expect((await run(first.entry, first.cacheDir, first.out)).message).toBe('first');
    expect((await run(second.entry, first.cacheDir, second.out)).message).toBe('other');
    expect((await run(first.entry, first.cacheDir, first.out)).message).toBe('first');
  });

  it('keeps no code cache from a run that failed (it compiled too little to be worth keeping)', () => {
    const { entry, cacheDir } = fixture();
    writeFileSync(entry, `${readFileSync(entry, 'utf8')}process.exitCode = 1;\n`);
    // A process of its own: the bundle sets the real process's exit code, which jest's sandbox does not see.
    const launch = `require(${JSON.stringify(path.join(REPO_ROOT, 'app/run-bundled.ts'))}).runBundled(${JSON.stringify(entry)}, { cacheDir: ${JSON.stringify(cacheDir)} })`;
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', launch], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'))).toEqual([]);
  });

  it('runs the sources directly when the cache directory cannot be written', async () => {
    const { entry, out } = fixture();
    const blocked = path.join(mkdtempSync(path.join(tmpdir(), 'uag-blocked-')), 'not-a-directory');
    writeFileSync(blocked, 'a file where the cache directory would be');
    expect((await run(entry, path.join(blocked, 'cache'), out)).message).toBe('first');
  });

  it('runs the sources directly with UAG_BUNDLE=off', async () => {
    const { entry, cacheDir, out } = fixture();
    process.env.UAG_BUNDLE = 'off';
    try {
      expect((await run(entry, cacheDir, out)).message).toBe('first');
    } finally {
      delete process.env.UAG_BUNDLE;
    }
    expect(existsSync(cacheDir)).toBe(false);
  });
});

describe('main.ts, bundled', () => {
  it('writes every dev stack exactly as the unbundled sources do', () => {
    const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-main-')), 'cdktf.out');
    execFileSync(process.execPath, ['--require', 'tsx/cjs', path.join(REPO_ROOT, 'main.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ENV: 'dev', UAG_CONFIG_DIR: REPO_ROOT, CDKTF_OUTDIR: outdir, UAG_BUNDLE: '' },
      stdio: 'pipe',
    });
    const shared = sharedExampleSynth('deploy').outdir;
    const stacks = readdirSync(path.join(outdir, 'stacks'));
    expect(stacks.length).toBeGreaterThan(5);
    expect(stacks.every((id) => id.startsWith('dev-'))).toBe(true);
    const differing = stacks.filter(
      (id) => readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8') !== readFileSync(path.join(shared, 'stacks', id, 'cdk.tf.json'), 'utf8'),
    );
    expect(differing).toEqual([]);
  });
});
