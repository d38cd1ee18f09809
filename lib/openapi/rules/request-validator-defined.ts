import { isObject, operationName, operationsOf } from '../document';
import { VALIDATOR_KEY, VALIDATORS_KEY } from './request-validation';
import type { OpenApiFinding, OpenApiRule } from './rule';

/**
 * Every request validator the document names is defined under `x-amazon-apigateway-request-validators`.
 * API Gateway rejects the import of a document that names an undefined validator, so the deployment would fail.
 */
export const requestValidatorDefined: OpenApiRule = {
  id: 'UAG-OAS-108',
  severity: 'error',
  description: `Every ${VALIDATOR_KEY} names a validator defined in ${VALIDATORS_KEY}.`,
  check: ({ document }) => {
    const validators = isObject(document[VALIDATORS_KEY]) ? document[VALIDATORS_KEY] : {};
    const defined = Object.keys(validators);
    const check = (name: unknown, path: (string | number)[], where: string): OpenApiFinding[] => {
      if (name === undefined || (typeof name === 'string' && defined.includes(name))) return [];
      return [
        {
          path,
          message: `${where} names request validator ${JSON.stringify(name)}, which is not defined`,
          fix: defined.length > 0 ? `use one of: ${defined.join(', ')}` : `define it under ${VALIDATORS_KEY} at the top of the document`,
        },
      ];
    };
    return [
      ...check(document[VALIDATOR_KEY], [VALIDATOR_KEY], 'the document'),
      ...operationsOf(document).flatMap((reference) =>
        check(reference.operation[VALIDATOR_KEY], [...reference.location, VALIDATOR_KEY], operationName(reference)),
      ),
    ];
  },
};
