import { isMap, type Document, type YAMLMap } from 'yaml';
import { isObject, operationName, operationsOf, type JsonObject, type OperationRef } from '../openapi/document';
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

/** What `addGatewayExtensions` changed in one operation. */
export interface OperationChange {
  /** `GET /pets/{id}` */
  readonly operation: string;
  readonly operationId?: string;
  /** One line per change, e.g. `added x-amazon-apigateway-integration (VPC link, path parameter id)`. */
  readonly changes: readonly string[];
}

export interface ImportReport {
  /** Changes at the top of the document (security scheme, request validators). */
  readonly document: readonly string[];
  /** Every operation, in document order, with what was added (empty when it already had everything). */
  readonly operations: readonly OperationChange[];
}

/**
 * Adds what the platform needs to every operation that lacks it, in place, through the yaml Document API so
 * comments, key order and everything else stay as they were:
 * - the Lambda authorizer security scheme (unless one already carries `x-amazon-apigateway-authorizer`);
 * - request validation of body and parameters as the document default;
 * - per operation: an http_proxy integration through the service's VPC link, and a security requirement on the
 *   authorizer (`<service>/read` for reads, `<service>/write` otherwise) when the operation would not call it.
 * Existing integrations are left alone; `onboard check` reports any that do not meet the rules.
 */
export function addGatewayExtensions(document: Document, service: string): ImportReport {
  const documentChanges: string[] = [];
  const scheme = ensureAuthorizerScheme(document, documentChanges);
  ensureRequestValidation(document, documentChanges);

  const plain = document.toJS() as JsonObject;
  const globalSecurity = Array.isArray(plain.security) ? plain.security : undefined;
  const operations = operationsOf(plain).map((reference): OperationChange => {
    const changes: string[] = [];
    addSecurity(document, reference, scheme, service, globalSecurity, changes);
    addIntegration(document, reference, changes);
    const operationId = typeof reference.operation.operationId === 'string' ? reference.operation.operationId : undefined;
    return { operation: operationName(reference), ...(operationId ? { operationId } : {}), changes };
  });
  return { document: documentChanges, operations };
}

/** The name of a security scheme that is the gateway authorizer, adding `gatewayAuthorizer` when none is. */
function ensureAuthorizerScheme(document: Document, changes: string[]): string {
  const schemes = document.getIn(['components', 'securitySchemes']);
  const existing = isMap(schemes) ? (schemes.toJSON() as JsonObject) : {};
  const ours = Object.entries(existing).find(([, scheme]) => isObject(scheme) && isObject(scheme['x-amazon-apigateway-authorizer']));
  if (ours) return ours[0];
  // Never overwrite a scheme the team defined under the same name.
  const name = AUTHORIZER_SCHEME in existing ? `uag${AUTHORIZER_SCHEME[0].toUpperCase()}${AUTHORIZER_SCHEME.slice(1)}` : AUTHORIZER_SCHEME;
  document.setIn(['components', 'securitySchemes', name], document.createNode(authorizerScheme()));
  changes.push(`added components.securitySchemes.${name} (the gateway's Lambda authorizer)`);
  return name;
}

function ensureRequestValidation(document: Document, changes: string[]): void {
  const root = document.contents as YAMLMap;
  if (!document.has(VALIDATORS_KEY)) {
    insertAfterInfo(document, root, VALIDATORS_KEY, { [FULL_VALIDATOR]: fullValidator() });
    changes.push(`added ${VALIDATORS_KEY}.${FULL_VALIDATOR} (validates request body and parameters)`);
  } else if (!document.hasIn([VALIDATORS_KEY, FULL_VALIDATOR])) {
    document.setIn([VALIDATORS_KEY, FULL_VALIDATOR], document.createNode(fullValidator()));
    changes.push(`added ${VALIDATORS_KEY}.${FULL_VALIDATOR} (validates request body and parameters)`);
  }
  if (!document.has(VALIDATOR_KEY)) {
    insertAfterInfo(document, root, VALIDATOR_KEY, FULL_VALIDATOR, VALIDATORS_KEY);
    changes.push(`set ${VALIDATOR_KEY}: ${FULL_VALIDATOR} (request validation on by default)`);
  }
}

/** Top-level extensions go after `info` (or `after`), where the example services keep them. */
function insertAfterInfo(document: Document, root: YAMLMap, key: string, value: unknown, after = 'info'): void {
  const index = root.items.findIndex((pair) => (pair.key as { value?: unknown } | null)?.value === after);
  const pair = document.createPair(key, value);
  if (index < 0) root.items.push(pair);
  else root.items.splice(index + 1, 0, pair);
}

function addIntegration(document: Document, reference: OperationRef, changes: string[]): void {
  if (reference.operation['x-amazon-apigateway-integration'] !== undefined) return;
  const integration = vpcLinkIntegration(reference.path, reference.method);
  document.setIn([...reference.location, 'x-amazon-apigateway-integration'], document.createNode(integration));
  const parameters = Object.keys((integration.requestParameters as JsonObject | undefined) ?? {}).map((key) => key.replace('integration.request.path.', ''));
  const passes = parameters.length > 0 ? `, passes path parameter${parameters.length > 1 ? 's' : ''} ${parameters.join(', ')}` : '';
  changes.push(`added x-amazon-apigateway-integration (http_proxy through the VPC link to ${String(integration.uri)}${passes})`);
}

function addSecurity(document: Document, reference: OperationRef, scheme: string, service: string, globalSecurity: unknown[] | undefined, changes: string[]): void {
  const own = reference.operation.security;
  const effective = own ?? globalSecurity;
  const callsAuthorizer =
    Array.isArray(effective) && effective.length > 0 && effective.every((requirement) => isObject(requirement) && scheme in requirement);
  if (callsAuthorizer) return;
  const scope = defaultScope(service, reference.method);
  const node = document.createNode([{ [scheme]: [scope] }]);
  node.flow = true;
  document.setIn([...reference.location, 'security'], node);
  const replaced = own === undefined ? '' : `, replacing ${JSON.stringify(own)}${own.length === 0 ? ' (anonymous: list the operation under publicOperations in service.yaml with a reason if it must stay public)' : ''}`;
  changes.push(`added security ${scheme} [${scope}]${replaced}`);
}
