import Ajv from 'ajv';
import type { Options } from 'ajv';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { compiledSchema } from '../../lib/compiled-schema';
import type { Service } from '../../lib/config/schema/service';
import { openApiStructure } from '../../lib/openapi/rules/structure';
import { restoreEnvAfterEach } from '../support/restore-env';

const schema = {
  type: 'object',
  required: ['name', 'port'],
  properties: { name: { type: 'string', pattern: '^[a-z]+$' }, port: { type: 'integer', minimum: 1 } },
  additionalProperties: false,
};
const options: Options = { allErrors: true };

/** A spec whose ajv counts how often it is asked to compile. */
function counted(cacheDir: string, schemaObject: object = schema): { spec: Parameters<typeof compiledSchema>[0]; compiles: () => number } {
  let compiles = 0;
  return {
    spec: {
      schema: schemaObject,
      options,
      cacheDir,
      createAjv: (ajvOptions) => {
        compiles += 1;
        return new Ajv(ajvOptions);
      },
    },
    compiles: () => compiles,
  };
}

const bad = { name: 'Not Lower', port: 0, extra: true };

describe('compiledSchema', () => {
  restoreEnvAfterEach('UAG_DISK_CACHE');

  it('reports exactly the errors an in-memory compile reports', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'uag-ajv-'));
    const cached = compiledSchema(counted(cacheDir).spec);
    const inMemory = new Ajv(options).compile(schema);
    expect(cached(bad)).toBe(false);
    expect(inMemory(bad)).toBe(false);
    expect(cached.errors).toEqual(inMemory.errors);
    expect(cached.errors!.map((error) => `${error.instancePath} ${error.keyword}`)).toEqual([' additionalProperties', '/name pattern', '/port minimum']);
    expect(cached({ name: 'ok', port: 443 })).toBe(true);
  });

  it('compiles once per cache, not once per process: a second load only reads the module', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'uag-ajv-'));
    const first = counted(cacheDir);
    compiledSchema(first.spec);
    expect(first.compiles()).toBe(1);
    jest.resetModules(); // a new process: no module registry, only the file
    const second = counted(cacheDir);
    expect(compiledSchema(second.spec)(bad)).toBe(false);
    expect(second.compiles()).toBe(0);
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.js$/)]);
  });

  it('compiles again when the schema changes, and never reuses another schema', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'uag-ajv-'));
    compiledSchema(counted(cacheDir).spec);
    const changed = counted(cacheDir, { ...schema, required: ['name'] });
    expect(compiledSchema(changed.spec)({ name: 'ok' })).toBe(true);
    expect(changed.compiles()).toBe(1);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it('UAG_DISK_CACHE=off compiles in memory and writes nothing', () => {
    process.env.UAG_DISK_CACHE = 'off';
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-ajv-')), 'cache');
    const run = counted(cacheDir);
    expect(compiledSchema(run.spec)(bad)).toBe(false);
    expect(run.compiles()).toBe(1);
    expect(() => readdirSync(cacheDir)).toThrow(/ENOENT/);
  });

  it('is what the OpenAPI structure rule uses, with the same words for the same problems either way', () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 'x' },
      paths: { '/a': { get: { responses: { 200: { description: 'ok' } }, parameters: [{ in: 'query' }] } } },
    };
    const service = {} as Service; // the structure rule reads only the document
    const cachedFindings = openApiStructure.check({ document, service });
    jest.resetModules();
    process.env.UAG_DISK_CACHE = 'off';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fresh = require('../../lib/openapi/rules/structure') as typeof import('../../lib/openapi/rules/structure');
    expect(fresh.openApiStructure.check({ document, service })).toEqual(cachedFindings);
    expect(cachedFindings.map((finding) => finding.path.join('/'))).toEqual(['info', 'paths//a/get/parameters/0']);
  });
});
