import { isObject, type JsonObject } from '../document';
import { locationKey, refusedIntegrations } from '../integration-kind';
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
  // Inside an integration UAG-OAS-001 refuses as a whole, deleting that integration is the one fix.
  check: ({ document }) => findUnknown(document, [], refusedIntegrations(document)),
};

function findUnknown(value: unknown, path: (string | number)[], skip: ReadonlySet<string>): OpenApiFinding[] {
  if (skip.has(locationKey(path))) return [];
  if (typeof value === 'string') {
    // `${AWS::…}` is CloudFormation residue, reported once by UAG-OAS-005 with what to do about it.
    const unknown = [
      ...new Set(
        [...value.matchAll(INTERPOLATION)]
          .filter(([, name]) => !isGatewayPlaceholder(name) && !API_GATEWAY_VARIABLE.test(name) && !name.startsWith('AWS::'))
          .map(([whole]) => whole),
      ),
    ];
    if (unknown.length === 0) return [];
    // One finding per string, however many unknown names it holds.
    return [
      {
        path,
        message: `${unknown.map((whole) => `"${whole}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} neither a platform placeholder nor an API Gateway variable`,
        fix: `use one of ${GATEWAY_PLACEHOLDERS.map((name) => `\${${name}}`).join(', ')} or an API Gateway variable such as \${stageVariables.backendHost}; write other text without \${ (a template variable left unresolved: write the value it stood for)`,
      },
    ];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findUnknown(item, [...path, index], skip));
  if (isObject(value)) return Object.entries(value as JsonObject).flatMap(([key, item]) => findUnknown(item, [...path, key], skip));
  return [];
}
