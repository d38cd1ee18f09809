import { API_GATEWAY_OPERATION_METHODS, isObject, type JsonObject } from './document';
import { LAMBDA_INVOKE_ARN_PLACEHOLDER } from './rules/lambda-integration';

/** The placeholder the gateway fills with the service's own VPC link id at synth time. */
export const VPC_LINK_PLACEHOLDER = '${vpc_link_id}';

/**
 * What an operation's `x-amazon-apigateway-integration` does, in the words a team needs to decide what to do with
 * it. This is the one place that says which integrations the platform deploys and what the choice is for the rest:
 * UAG-OAS-001 reports it, `import` prints it and `import --fix` acts on it.
 *
 * A Lambda proxy and a MOCK CORS preflight are what `import` maps to a Lambda backend and a `cors:` block
 * (lib/onboarding/integration-mapping.ts, docs/decisions/0014-backend-kinds.md); a document that still carries them
 * is told so.
 */
export type IntegrationKind =
  /** http / http_proxy through the service's own VPC link: what the platform deploys. */
  | 'service-vpc-link'
  /** http / http_proxy through another VPC link (an export of an API that had its own NLB). */
  | 'other-vpc-link'
  /** aws_proxy to the service's declared function (`uri: ${lambda_invoke_arn}`): what the platform deploys for a Lambda backend. */
  | 'service-lambda'
  | 'lambda-proxy'
  | 'mock-cors-preflight'
  | 'mock'
  | 'aws-service'
  | 'http-internet'
  | 'missing'
  | 'unknown';

export interface IntegrationClass {
  readonly kind: IntegrationKind;
  /** What was found, e.g. `an aws_proxy integration invoking the Lambda function "arn:…"`. */
  readonly found: string;
  /** The team's choice, written as what to do; empty for the platform's own kind. */
  readonly choice: string;
  /**
   * What `import --fix` does with it: nothing, or replace it with the declared backend's integration (the VPC-link
   * proxy, or the Lambda proxy when import mapped the document to a Lambda backend). A Lambda proxy and a MOCK
   * preflight are import's mapping to act on (`none` here), never deleted.
   */
  readonly fix: 'none' | 'replace-with-backend';
}

const REPLACE =
  'delete this x-amazon-apigateway-integration so `npm run onboard -- import` adds the HTTP proxy through the service VPC link (or run import with --fix, which replaces it)';

export function classifyIntegration(method: string, integration: unknown): IntegrationClass {
  if (integration === undefined) return { kind: 'missing', found: 'no integration', choice: REPLACE, fix: 'replace-with-backend' };
  if (!isObject(integration)) return { kind: 'unknown', found: `an integration that is not an object`, choice: REPLACE, fix: 'replace-with-backend' };
  const type = String(integration.type ?? '').toLowerCase();
  const uri = typeof integration.uri === 'string' ? integration.uri : undefined;
  const shownUri = typeof integration.uri === 'string' ? `"${integration.uri}"` : JSON.stringify(integration.uri);

  if ((type === 'http' || type === 'http_proxy') && integration.connectionType === 'VPC_LINK') {
    if (integration.connectionId === VPC_LINK_PLACEHOLDER)
      return { kind: 'service-vpc-link', found: `a ${type} integration through the service VPC link`, choice: '', fix: 'none' };
    return {
      kind: 'other-vpc-link',
      found: `a ${type} integration through another VPC link (connectionId ${JSON.stringify(integration.connectionId)}, uri ${shownUri})`,
      choice: `point it at the service's own VPC link: connectionId "${VPC_LINK_PLACEHOLDER}" and uri https://\${stageVariables.backendHost}<path>; or ${REPLACE}`,
      fix: 'replace-with-backend',
    };
  }
  if (type === 'aws_proxy' && uri === LAMBDA_INVOKE_ARN_PLACEHOLDER)
    return { kind: 'service-lambda', found: "an aws_proxy integration to the service's declared Lambda function", choice: '', fix: 'none' };
  if (type === 'aws_proxy' && (uri === undefined ? JSON.stringify(integration.uri ?? '').includes(':lambda:path/') : uri.includes(':lambda:path/'))) {
    return {
      kind: 'lambda-proxy',
      found: `an aws_proxy integration invoking a Lambda function (uri ${shownUri})`,
      choice: `declare the function as the service's backend (backend: { kind: lambda, functionName } in service.yaml) and set uri: "${LAMBDA_INVOKE_ARN_PLACEHOLDER}" (import does both), or serve this operation from the backend behind the VPC link (delete this x-amazon-apigateway-integration; import adds the HTTP proxy through the service VPC link)`,
      fix: 'none',
    };
  }
  if (type === 'mock' && method.toLowerCase() === 'options') {
    return {
      kind: 'mock-cors-preflight',
      found: 'a MOCK integration answering the browser CORS preflight',
      choice:
        'the gateway generates preflight itself, without the authorizer browsers never send on a preflight: delete this OPTIONS operation and declare cors: (allowOrigins, allowHeaders) in service.yaml (import does both)',
      fix: 'none',
    };
  }
  if (type === 'mock') {
    return {
      kind: 'mock',
      found: 'a MOCK integration (API Gateway answers without calling any backend)',
      choice: `the platform routes every operation to the service's backend: serve this response from the backend and ${REPLACE}`,
      fix: 'replace-with-backend',
    };
  }
  if (type === 'aws' || type === 'aws_proxy') {
    const service = uri ? /^arn:aws[a-z-]*:apigateway:[^:]*:([^:]+):/.exec(uri)?.[1] : undefined;
    return {
      kind: 'aws-service',
      found: `an ${type} integration calling ${service ? `the AWS service "${service}"` : 'an AWS service'} directly (uri ${shownUri})`,
      choice: `the gateway account cannot call services in your account on your behalf: call ${service ?? 'the service'} from your backend, and ${REPLACE}`,
      fix: 'replace-with-backend',
    };
  }
  if (type === 'http' || type === 'http_proxy') {
    return {
      kind: 'http-internet',
      found: `a ${type} integration to ${shownUri} over the internet`,
      choice: `the platform reaches backends only through the service VPC link (the addresses given with --backend): ${REPLACE}`,
      fix: 'replace-with-backend',
    };
  }
  return { kind: 'unknown', found: `an integration of type ${JSON.stringify(integration.type)}`, choice: REPLACE, fix: 'replace-with-backend' };
}

/** The operations of a path item API Gateway deploys, including `x-amazon-apigateway-any-method` (ANY). */
export function gatewayOperations(document: JsonObject): { path: string; method: string; operation: JsonObject; location: (string | number)[] }[] {
  const paths = isObject(document.paths) ? document.paths : {};
  const methods = Object.keys(API_GATEWAY_OPERATION_METHODS);
  return Object.entries(paths).flatMap(([path, item]) =>
    isObject(item)
      ? methods
          .filter((method) => isObject(item[method]))
          .map((method) => ({ path, method, operation: item[method] as JsonObject, location: ['paths', path, method] }))
      : [],
  );
}

/**
 * Integrations UAG-OAS-001 refuses as a whole (Lambda, MOCK, AWS service, internet HTTP), as JSON-pointer-like keys.
 * Their fix is to delete or replace them, so the residue rules do not report what is inside them a second time.
 */
export function refusedIntegrations(document: JsonObject): Set<string> {
  return new Set(
    gatewayOperations(document)
      .filter(({ method, operation }) => {
        const { kind } = classifyIntegration(method, operation['x-amazon-apigateway-integration']);
        return kind !== 'service-vpc-link' && kind !== 'other-vpc-link' && kind !== 'service-lambda' && kind !== 'missing';
      })
      .map(({ location }) => locationKey([...location, 'x-amazon-apigateway-integration'])),
  );
}

export function locationKey(path: readonly (string | number)[]): string {
  return path.map(String).join('\u0000');
}
