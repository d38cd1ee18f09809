import { errorResponses } from './error-responses';
import { localReferences } from './local-references';
import { openApiVersion } from './openapi-version';
import { operationIdPresent } from './operation-id-present';
import { operationIdUnique } from './operation-id-unique';
import { operationSummary } from './operation-summary';
import { pathParameters } from './path-parameters';
import { requestBodySchema } from './request-body-schema';
import { requestValidation } from './request-validation';
import { requestValidatorDefined } from './request-validator-defined';
import type { OpenApiRule } from './rule';

/**
 * The platform's API standards (UAG-OAS-1NN). Warnings are style every team is asked to follow; errors are the
 * few things API Gateway cannot import or the OpenAPI specification forbids.
 */
export const API_STANDARDS: readonly OpenApiRule[] = [
  operationIdPresent,
  operationIdUnique,
  operationSummary,
  errorResponses,
  requestBodySchema,
  pathParameters,
  requestValidation,
  requestValidatorDefined,
  localReferences,
  openApiVersion,
];
