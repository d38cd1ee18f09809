import type Ajv from 'ajv';
import type { Options, ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * A JSON Schema validator compiled once per machine, not once per process. Compiling the official OpenAPI schema
 * is ajv generating and evaluating a large validation function: about 0.25 s of every synth and every onboarding
 * command, plus loading ajv itself (make bench, docs/decisions/0019-fast-feedback.md). ajv's standalone code is that
 * same function as a module; it is written to node_modules/.cache (wiped by `npm ci` and `make clean`) under a name
 * that hashes the ajv version, the options and the schema, and later processes only require it.
 * `UAG_SCHEMA_CACHE=off` compiles in memory every time. The file is written under a temporary name and renamed, so
 * concurrent processes never read half of one.
 */
const CACHE_DIR = path.resolve(__dirname, '../../node_modules/.cache/uag-ajv');

export interface SchemaValidatorSpec {
  readonly schema: object;
  readonly options: Options;
  /** The ajv flavour for the schema's draft; called only when the validator is compiled. */
  readonly createAjv: (options: Options) => Ajv;
  /** @default node_modules/.cache/uag-ajv of this repository */
  readonly cacheDir?: string;
}

export function compiledSchema(spec: SchemaValidatorSpec): ValidateFunction {
  if (process.env.UAG_SCHEMA_CACHE === 'off') return spec.createAjv(spec.options).compile(spec.schema);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const key = createHash('sha256')
    .update(JSON.stringify({ ajvVersion, options: spec.options, schema: spec.schema }))
    .digest('hex');
  const cacheDir = spec.cacheDir ?? CACHE_DIR;
  const file = path.join(cacheDir, `${key}.js`);
  if (!existsSync(file)) {
    const ajv = spec.createAjv({ ...spec.options, code: { source: true } });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: standaloneCode } = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone');
    const source = standaloneCode(ajv, ajv.compile(spec.schema));
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, source);
    renameSync(temporary, file);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as ValidateFunction;
}
