import { mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { diskCache } from '../../lib/disk-cache';
import { restoreEnvAfterEach } from '../support/restore-env';

describe('diskCache', () => {
  restoreEnvAfterEach('UAG_DISK_CACHE');

  it('names a file by the hash of the inputs, and reads back what was written', () => {
    const cache = diskCache('test', mkdtempSync(path.join(tmpdir(), 'uag-disk-cache-')));
    const file = cache.file({ text: 'a' }, 'json')!;
    expect(path.basename(file)).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(cache.file({ text: 'a' }, 'json')).toBe(file);
    expect(cache.file({ text: 'b' }, 'json')).not.toBe(file);
    expect(cache.read(file)).toBeUndefined();
    cache.write(file, '{"value":1}');
    expect(cache.read(file)).toBe('{"value":1}');
  });

  it('keeps at most maxEntries files, removing the oldest written first', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uag-disk-cache-'));
    const cache = diskCache('test', dir, 8);
    const files = Array.from({ length: 8 }, (_, index) => cache.file({ index }, 'json')!);
    files.forEach((file, index) => {
      cache.write(file, String(index));
      utimesSync(file, new Date(1_000_000 + index * 1000), new Date(1_000_000 + index * 1000));
    });
    expect(readdirSync(dir)).toHaveLength(8);
    cache.write(cache.file({ index: 8 }, 'json')!, '8');
    // Nine entries: the oldest written are removed down to three quarters of the limit (6).
    expect(readdirSync(dir).sort()).toEqual([...files.slice(3), cache.file({ index: 8 }, 'json')!].map((file) => path.basename(file)).sort());
  });

  it('UAG_DISK_CACHE=off names no file', () => {
    process.env.UAG_DISK_CACHE = 'off';
    expect(diskCache('test', mkdtempSync(path.join(tmpdir(), 'uag-disk-cache-'))).file({ text: 'a' }, 'json')).toBeUndefined();
  });
});
