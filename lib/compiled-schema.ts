import type Ajv from 'ajv';
import type { Options, ValidateFunction } from 'ajv';
import { existsSync } from 'node:fs';
import { diskCache } from './disk-cache';

/**
 * A JSON Schema validator compiled once per machine, not once per process. Compiling the official OpenAPI schema
 * is ajv generating and evaluating a large validation function: about 0.25 s of every synth and every onboarding
 * command, plus loading ajv itself (make bench, docs/decisions/0019-fast-feedback.md). ajv's standalone code is that
 * same function as a module; it is kept in the disk cache (lib/disk-cache.ts) under the hash of the ajv version, the
 * options and the schema, and later processes only require it.
 */
export interface SchemaValidatorSpec {
  readonly schema: object;
  readonly options: Options;
  /** The ajv flavour for the schema's draft; called only when the validator is compiled. */
  readonly createAjv: (options: Options) => Ajv;
  /** @default node_modules/.cache/uag-ajv of this repository */
  readonly cacheDir?: string;
}

export function compiledSchema(spec: SchemaValidatorSpec): ValidateFunction {
  const cache = diskCache('uag-ajv', spec.cacheDir);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const file = cache.file({ ajvVersion, options: spec.options, schema: spec.schema }, 'js');
  if (!file) return spec.createAjv(spec.options).compile(spec.schema);
  if (!existsSync(file)) {
    const ajv = spec.createAjv({ ...spec.options, code: { source: true } });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: standaloneCode } = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone');
    cache.write(file, standaloneCode(ajv, ajv.compile(spec.schema)));
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as ValidateFunction;
}
