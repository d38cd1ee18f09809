import { isObject, type JsonObject } from '../document';
import { API_GATEWAY_VARIABLE, GATEWAY_PLACEHOLDERS, INTERPOLATION, isGatewayPlaceholder } from '../interpolation';
import type { OpenApiFinding, OpenApiRule } from './rule';

/**
 * Every `${…}` in the document is a platform placeholder or an API Gateway variable. Anything else (a typo such as
 * `${stageVariable.backendHost}`, a CloudFormation `${AWS::Region}`) would be read by Terraform as a reference to
 * something that does not exist, or reach AWS as text nobody resolves.
 */
export const interpolations: OpenApiRule = {
  id: 'UAG-OAS-004',
  severity: 'error',
  description: 'Every ${...} in the document is a platform placeholder or an API Gateway variable (stageVariables, context, ...).',
  check: ({ document }) => findUnknown(document, []),
};

function findUnknown(value: unknown, path: (string | number)[]): OpenApiFinding[] {
  if (typeof value === 'string') {
    return [...value.matchAll(INTERPOLATION)]
      // `${AWS::…}` is CloudFormation residue, reported once by UAG-OAS-005 with what to do about it.
      .filter(([, name]) => !isGatewayPlaceholder(name) && !API_GATEWAY_VARIABLE.test(name) && !name.startsWith('AWS::'))
      .map(([whole]) => ({
        path,
        message: `"${whole}" is neither a platform placeholder nor an API Gateway variable`,
        fix: `use one of ${GATEWAY_PLACEHOLDERS.map((name) => `\${${name}}`).join(', ')} or an API Gateway variable such as \${stageVariables.backendHost}; write other text without \${`,
      }));
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findUnknown(item, [...path, index]));
  if (isObject(value)) return Object.entries(value as JsonObject).flatMap(([key, item]) => findUnknown(item, [...path, key]));
  return [];
}
