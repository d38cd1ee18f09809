import { isObject, operationName, operationsOf } from '../document';
import type { OpenApiFinding, OpenApiRule } from './rule';

export const VALIDATORS_KEY = 'x-amazon-apigateway-request-validators';
export const VALIDATOR_KEY = 'x-amazon-apigateway-request-validator';

/**
 * Requests are validated at the gateway: the document defines a request validator that checks both body and
 * parameters and makes it the default, and no operation switches to a weaker one. Schema validation in one
 * place keeps malformed requests away from every backend and gives clients one error format.
 */
export const requestValidation: OpenApiRule = {
  id: 'UAG-OAS-107',
  severity: 'warning',
  description: `Request validation is on by default (${VALIDATOR_KEY} naming a validator that checks body and parameters).`,
  check: ({ document }) => {
    const validators = isObject(document[VALIDATORS_KEY]) ? document[VALIDATORS_KEY] : {};
    const validatesAll = (name: unknown): boolean => {
      const validator = typeof name === 'string' ? validators[name] : undefined;
      return isObject(validator) && validator.validateRequestBody === true && validator.validateRequestParameters === true;
    };
    const findings: OpenApiFinding[] = [];
    const fullName = Object.keys(validators).find(validatesAll);
    if (!validatesAll(document[VALIDATOR_KEY])) {
      findings.push({
        path: document[VALIDATOR_KEY] === undefined ? [] : [VALIDATOR_KEY],
        message: 'requests are not validated by default',
        fix: fullName
          ? `set ${VALIDATOR_KEY}: ${fullName} at the top of the document`
          : `add ${VALIDATORS_KEY}: { all: { validateRequestBody: true, validateRequestParameters: true } } and ${VALIDATOR_KEY}: all at the top of the document`,
      });
    }
    for (const reference of operationsOf(document)) {
      const own = reference.operation[VALIDATOR_KEY];
      if (own === undefined || validatesAll(own)) continue;
      findings.push({
        path: [...reference.location, VALIDATOR_KEY],
        message: `${operationName(reference)} uses request validator ${JSON.stringify(own)}, which does not check both body and parameters`,
        fix: `remove the operation's ${VALIDATOR_KEY} to use the document default${fullName ? `, or use ${fullName}` : ''}`,
      });
    }
    return findings;
  },
};
