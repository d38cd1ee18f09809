import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundleCacheKey, cachedArchive, readCachedBundle, writeCachedBundle } from '../../../modules/lambda/build-cache';

/**
 * The Lambda build cache may skip esbuild only when nothing esbuild read has changed: a stale bundle would deploy
 * old code under a plan that says nothing changed.
 */
describe('Lambda build cache', () => {
  let root: string;
  const files = new Map([['index.js', Buffer.from('exports.handler = () => 1;')]]);
  const inputs = ['lambdas/fn/index.ts', 'lib/shared.ts'];
  const write = (relative: string, content: string) => writeFileSync(path.join(root, relative), content);

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'uag-cache-'));
    for (const folder of ['lambdas/fn', 'lib']) mkdirSync(path.join(root, folder), { recursive: true });
    write('lambdas/fn/index.ts', 'export const handler = () => 1;');
    write('lib/shared.ts', 'export const one = 1;');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    delete process.env.UAG_LAMBDA_CACHE;
  });

  const key = () => bundleCacheKey(root, path.join(root, 'lambdas/fn/index.ts'), { esbuild: '0.0.0' });

  it('returns the recorded bundle while every input is unchanged', () => {
    writeCachedBundle(key(), root, inputs, files);
    expect(readCachedBundle(key(), root)).toEqual(files);
  });

  it('serves a second checkout of the same sources (bundles do not depend on where the checkout is)', () => {
    writeCachedBundle(key(), root, inputs, files);
    const second = mkdtempSync(path.join(tmpdir(), 'uag-cache-'));
    cpSync(root, second, { recursive: true });
    const secondKey = bundleCacheKey(second, path.join(second, 'lambdas/fn/index.ts'), { esbuild: '0.0.0' });
    expect(readCachedBundle(secondKey, second)).toEqual(files);
    rmSync(second, { recursive: true, force: true });
  });

  it('misses when an input file changed', () => {
    writeCachedBundle(key(), root, inputs, files);
    write('lib/shared.ts', 'export const one = 2;');
    expect(readCachedBundle(key(), root)).toBeUndefined();
  });

  it('misses when a source folder gained a file (module resolution may now pick it)', () => {
    writeCachedBundle(key(), root, inputs, files);
    write('lib/shared.js', 'exports.one = 3;');
    expect(readCachedBundle(key(), root)).toBeUndefined();
  });

  it('misses when the lock file changed (dependency versions)', () => {
    write('package-lock.json', '{"lockfileVersion":3}');
    writeCachedBundle(key(), root, inputs, files);
    write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect(readCachedBundle(key(), root)).toBeUndefined();
  });

  it('takes installed packages from the lock file instead of reading them', () => {
    mkdirSync(path.join(root, 'node_modules/dep'), { recursive: true });
    write('node_modules/dep/index.js', 'exports.dep = 1;');
    writeCachedBundle(key(), root, [...inputs, 'node_modules/dep/index.js'], files);
    rmSync(path.join(root, 'node_modules'), { recursive: true });
    expect(readCachedBundle(key(), root)).toEqual(files);
  });

  it('is bypassed with UAG_LAMBDA_CACHE=off', () => {
    writeCachedBundle(key(), root, inputs, files);
    process.env.UAG_LAMBDA_CACHE = 'off';
    expect(readCachedBundle(key(), root)).toBeUndefined();
  });

  it('zips an archive once per content and keeps its file name', () => {
    const inputKey = randomBytes(32).toString('hex');
    const zip = jest.fn(() => Buffer.from('PK-bytes'));
    const first = cachedArchive(inputKey, 'authorizer.zip', zip);
    const second = cachedArchive(inputKey, 'authorizer.zip', zip);
    expect(zip).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(path.basename(second.file)).toBe('authorizer.zip');
    rmSync(path.dirname(first.file), { recursive: true, force: true });
  });
});
