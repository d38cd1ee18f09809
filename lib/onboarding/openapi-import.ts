import type { VpcLinkBackend } from '../config/schema/service-backend';
import { isObject, type JsonObject } from '../openapi/document';
import { gatewayOperations } from '../openapi/integration-kind';
import {
  AUTHORIZER_SCHEME,
  authorizerScheme,
  defaultScope,
  FULL_VALIDATOR,
  fullValidator,
  VALIDATOR_KEY,
  VALIDATORS_KEY,
  vpcLinkIntegration,
} from './gateway-extensions';
import { toFlowYaml, toYaml, type YamlEdit } from './yaml-text-edits';
import { gatewayAuthorizerSchemeNames } from '../openapi/authorizer-scheme';

/** What `planGatewayExtensions` changes in one operation. */
export interface OperationChange {
  /** `GET /pets/{id}` */
  readonly operation: string;
  readonly operationId?: string;
  /** One line per change, e.g. `added x-amazon-apigateway-integration (...)`; empty when nothing was missing. */
  readonly changes: readonly string[];
}

export interface ImportReport {
  /** Changes at the top of the document (security scheme, request validators). */
  readonly document: readonly string[];
  /** Every operation, in document order, with what is added. */
  readonly operations: readonly OperationChange[];
}

/**
 * The edits that give a document what the platform needs, leaving everything else as it is:
 * - the Lambda authorizer security scheme (unless one already carries `x-amazon-apigateway-authorizer`);
 * - request validation of body and parameters as the document default;
 * - per operation lacking them: an http_proxy integration through the service's VPC link, and a security requirement
 *   on the authorizer (`<service>/read` for reads, `<service>/write` otherwise) when the operation would not call it.
 * Existing integrations are left alone; `onboard check` reports any that break the rules.
 */
export function planGatewayExtensions(
  document: JsonObject,
  service: string,
  protocol: VpcLinkBackend['protocol'],
): { edits: YamlEdit[]; report: ImportReport } {
  const edits: YamlEdit[] = [];
  const documentChanges: string[] = [];
  const scheme = authorizerSchemeName(document, edits, documentChanges);
  requestValidation(document, edits, documentChanges);

  const globalSecurity = Array.isArray(document.security) ? document.security : undefined;
  const operations = gatewayOperations(document).map((reference): OperationChange => {
    const changes: string[] = [];
    security(reference, scheme, service, globalSecurity, edits, changes);
    integration(reference, protocol, edits, changes);
    const operationId = typeof reference.operation.operationId === 'string' ? reference.operation.operationId : undefined;
    return { operation: operationLabel(reference), ...(operationId ? { operationId } : {}), changes };
  });
  return { edits, report: { document: documentChanges, operations } };
}

type OperationRef = ReturnType<typeof gatewayOperations>[number];

/** `GET /pets`, `ANY /{proxy+}` (x-amazon-apigateway-any-method). */
function operationLabel(reference: OperationRef): string {
  return `${reference.method === 'x-amazon-apigateway-any-method' ? 'ANY' : reference.method.toUpperCase()} ${reference.path}`;
}

/** The name of a security scheme that is the gateway authorizer, adding `gatewayAuthorizer` when none is. */
function authorizerSchemeName(document: JsonObject, edits: YamlEdit[], changes: string[]): string {
  const [ours] = gatewayAuthorizerSchemeNames(document);
  if (ours) return ours;
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  // Never overwrite a scheme the team defined under the same name.
  const name = AUTHORIZER_SCHEME in schemes ? 'uagGatewayAuthorizer' : AUTHORIZER_SCHEME;
  const value = authorizerScheme();
  edits.push({ kind: 'entry', mapPath: ['components', 'securitySchemes'], key: name, value, yaml: toYaml(value) });
  changes.push(`added components.securitySchemes.${name} (the gateway's Lambda authorizer)`);
  return name;
}

function requestValidation(document: JsonObject, edits: YamlEdit[], changes: string[]): void {
  const validators = document[VALIDATORS_KEY];
  if (!isObject(validators) || !(FULL_VALIDATOR in validators)) {
    const value = fullValidator();
    edits.push(
      isObject(validators)
        ? { kind: 'entry', mapPath: [VALIDATORS_KEY], key: FULL_VALIDATOR, value, yaml: toYaml(value) }
        : { kind: 'entry', mapPath: [], key: VALIDATORS_KEY, value: { [FULL_VALIDATOR]: value }, yaml: toYaml({ [FULL_VALIDATOR]: value }) },
    );
    changes.push(`added ${VALIDATORS_KEY}.${FULL_VALIDATOR} (validates request body and parameters)`);
  }
  if (document[VALIDATOR_KEY] === undefined) {
    edits.push({ kind: 'entry', mapPath: [], key: VALIDATOR_KEY, value: FULL_VALIDATOR, yaml: FULL_VALIDATOR });
    changes.push(`set ${VALIDATOR_KEY}: ${FULL_VALIDATOR} (request validation on by default)`);
  }
}

function integration(reference: OperationRef, protocol: VpcLinkBackend['protocol'], edits: YamlEdit[], changes: string[]): void {
  if (reference.operation['x-amazon-apigateway-integration'] !== undefined) return;
  const value = vpcLinkIntegration(reference.path, reference.method, protocol);
  edits.push({ kind: 'entry', mapPath: reference.location, key: 'x-amazon-apigateway-integration', value, yaml: toYaml(value) });
  const parameters = Object.keys((value.requestParameters as JsonObject | undefined) ?? {}).map((key) => key.replace('integration.request.path.', ''));
  const passes = parameters.length > 0 ? `, passes path parameter${parameters.length > 1 ? 's' : ''} ${parameters.join(', ')}` : '';
  changes.push(`added x-amazon-apigateway-integration (http_proxy through the VPC link to ${String(value.uri)}${passes})`);
}

function security(reference: OperationRef, scheme: string, service: string, globalSecurity: unknown[] | undefined, edits: YamlEdit[], changes: string[]): void {
  const own = reference.operation.security as unknown[] | undefined;
  const effective = own ?? globalSecurity;
  const callsAuthorizer = Array.isArray(effective) && effective.length > 0 && effective.every((requirement) => isObject(requirement) && scheme in requirement);
  if (callsAuthorizer) return;
  const scope = defaultScope(service, reference.method);
  const value = [{ [scheme]: [scope] }];
  const yaml = toFlowYaml(value);
  if (own === undefined) {
    edits.push({ kind: 'entry', mapPath: reference.location, key: 'security', value, yaml });
    changes.push(`added security ${scheme} [${scope}]`);
    return;
  }
  // Delete and add rather than replace in place: a block-style list cannot be swapped for a line without re-rendering.
  edits.push({ kind: 'delete', path: [...reference.location, 'security'] });
  edits.push({ kind: 'entry', mapPath: reference.location, key: 'security', value, yaml });
  const anonymous =
    Array.isArray(own) && own.length === 0 ? ' (it was anonymous: if it must stay public, list it under publicOperations in service.yaml with a reason)' : '';
  changes.push(`replaced security ${JSON.stringify(own)} with ${scheme} [${scope}]${anonymous}`);
}
