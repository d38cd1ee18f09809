import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../lib/config/load';
import { generateConfig } from '../../tools/bench/generate-config';

/** `make bench` synthesizes a generated configuration; it must stay valid as validation rules are added. */
describe('benchmark configuration generator', () => {
  it('writes a configuration that passes every validation rule', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-bench-')), 'config');
    generateConfig(dir, 30);
    const config = loadConfig(dir);
    expect(config.services.size).toBe(30);
    // Every environment enables every generated service, besides the example services it already had.
    const generated = [...config.services.keys()].filter((name) => name.startsWith('svc-'));
    expect(generated.length).toBeGreaterThan(20);
    for (const { config: environment } of config.environments) expect(Object.keys(environment.services)).toEqual(expect.arrayContaining(generated));
  });
});
