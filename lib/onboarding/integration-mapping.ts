import { isNode, LineCounter, parseDocument } from 'yaml';
import type { ConfigProblem } from '../config/problems';
import type { CorsInput } from '../config/schema/cors';
import type { LambdaBackendInput } from '../config/schema/service-backend';
import { API_GATEWAY_OPERATION_METHODS, isObject, type JsonObject } from '../openapi/document';
import { classifyIntegration, gatewayOperations } from '../openapi/integration-kind';
import { lambdaProxyIntegration } from '../openapi/rules/lambda-integration';
import type { OpenApiSource } from './openapi-source';

/**
 * What `import` makes of the integrations a document already has (docs/decisions/0014-backend-kinds.md):
 * - Lambda proxy integrations (`aws_proxy` to a function's invoke ARN, literally, as a template variable, or as a
 *   CloudFormation `Fn::Sub` / `Fn::Join`) become the service's declared Lambda backend:
 *   `backend: { kind: lambda, functionName }` in service.yaml and `uri: ${lambda_invoke_arn}` in the document, for one
 *   function per service;
 * - MOCK OPTIONS operations (browser preflight) become a `cors:` block; the gateway generates the preflight itself;
 * - every other integration stays as it is: UAG-OAS-001 (lib/openapi/integration-kind.ts) names what it is and the
 *   team's choice, in the same run as every other rule.
 * What only the mapping can see (which function, one backend kind per service, preflight origins) comes back as
 * `problems`, which the import reports together with the rules' (createService); an operation a problem names is
 * left as the mapping would leave it, so no rule reports it a second time.
 */
export interface IntegrationMapping {
  /** The document to import, with the mapped integrations rewritten (the original when nothing was mapped). */
  readonly source: OpenApiSource;
  /** service.yaml's backend when the document's operations invoke a Lambda function. @default - vpcLink (from the flags) */
  readonly backend?: LambdaBackendInput;
  /** service.yaml's cors when the document answered preflight with MOCK integrations. @default - no cors */
  readonly cors?: CorsInput;
  /** One line per mapped operation or decision, for the import report. */
  readonly report: readonly string[];
  /** What the team must decide before the mapping holds, located in the imported file; empty when it holds. */
  readonly problems: readonly ConfigProblem[];
}

export interface MappingOptions {
  /** `--lambda-function`: the deployed function name, when the document names it only by a CloudFormation resource. */
  readonly functionName?: string;
}

/** One operation's Lambda target as the document writes it. */
interface LambdaReference {
  readonly reference: GatewayOperation;
  /** The deployed function name, when the URI carries it literally. */
  readonly functionName?: string;
  /** The CloudFormation resource (`MyFunction` of `${MyFunction.Arn}`) or template variable, when that is all the URI says. */
  readonly logicalId?: string;
  readonly qualifier?: string;
  /** `Fn::Sub`, `Fn::Join` or `literal ARN`, for the report; absent when the URI could not be read. */
  readonly form?: string;
  /** The integration named an IAM role to invoke with. */
  readonly credentials?: boolean;
}

type GatewayOperation = ReturnType<typeof gatewayOperations>[number];
type Refuse = (path: readonly (string | number)[], message: string, fix: string) => void;

/** Validates a refused import in Lambda mode when the document does not name its function (never written). */
const UNNAMED_FUNCTION = 'unnamed-function';

const ALLOW = (header: string) => `method.response.header.Access-Control-${header}`;

export function mapIntegrations(source: OpenApiSource, file: string, options: MappingOptions = {}): IntegrationMapping {
  const problems: ConfigProblem[] = [];
  // Lines of the file as the team wrote it (a Swagger 2.0 file is converted, but its paths keep their names).
  const locate = locator(source.originalText, file);
  const refuse: Refuse = (path, message, fix) => problems.push({ ...locate(path), message, fix });

  const lambdas: LambdaReference[] = [];
  const preflights: GatewayOperation[] = [];
  const vpcLinked: GatewayOperation[] = [];
  const bare: GatewayOperation[] = [];
  for (const reference of gatewayOperations(source.document)) {
    const integration = reference.operation['x-amazon-apigateway-integration'];
    const { kind } = classifyIntegration(reference.method, integration);
    if (kind === 'missing') bare.push(reference);
    else if (kind === 'lambda-proxy') {
      const { uri, credentials } = integration as JsonObject;
      lambdas.push({ ...lambdaReference(reference, uri), ...(credentials !== undefined ? { credentials: true } : {}) });
    } else if (kind === 'mock-cors-preflight') preflights.push(reference);
    else if (kind === 'service-vpc-link' || kind === 'other-vpc-link') vpcLinked.push(reference);
    // Anything else (an aws service, HTTP to a public URL, MOCK, a hand-written OPTIONS) is UAG-OAS-001's to report.
  }

  const functionName = chooseFunction(lambdas, vpcLinked, options, refuse);
  const cors = corsOf(preflights, refuse);
  if (lambdas.length === 0 && preflights.length === 0) return { source, report: [], problems };

  const document = parseDocument(source.yaml);
  const report: string[] = [];
  const integration = lambdaProxyIntegration();
  const qualifier = lambdas.find((lambda) => lambda.qualifier)?.qualifier;
  for (const lambda of lambdas) {
    document.setIn([...lambda.reference.location, 'x-amazon-apigateway-integration'], document.createNode(integration));
    const target = lambda.functionName ?? (lambda.logicalId ? `\${${lambda.logicalId}}` : 'the function');
    const dropped = lambda.credentials ? '; credentials dropped (the function resource policy grants this API)' : '';
    report.push(
      `${label(lambda.reference)}: Lambda proxy to ${target} (${lambda.form ?? 'uri'}) → uri ${String(integration.uri)}, the declared function ${functionName}${dropped}`,
    );
  }
  if (lambdas.length > 0) {
    // Operations refused for going through a VPC link beside the function: validated as Lambda ones, reported once.
    for (const reference of vpcLinked) document.setIn([...reference.location, 'x-amazon-apigateway-integration'], document.createNode(integration));
    for (const reference of bare) {
      document.setIn([...reference.location, 'x-amazon-apigateway-integration'], document.createNode(integration));
      report.push(`${label(reference)}: no integration → Lambda proxy to the declared function ${functionName}`);
    }
  }
  for (const reference of preflights) {
    document.deleteIn([...reference.location]);
    report.push(`${label(reference)}: MOCK preflight → removed; the gateway generates it from cors: in service.yaml`);
  }
  const backend: LambdaBackendInput | undefined = functionName ? { kind: 'lambda', functionName, ...(qualifier ? { qualifier } : {}) } : undefined;
  if (backend) report.push(`service.yaml: backend ${JSON.stringify(backend)}`);
  if (cors) report.push(`service.yaml: cors ${JSON.stringify(cors)}`);
  const yaml = document.toString({ lineWidth: 0 });
  return {
    source: { ...source, yaml, document: document.toJS() as JsonObject },
    ...(backend ? { backend } : {}),
    ...(cors ? { cors } : {}),
    report,
    problems,
  };
}

/** `GET /pets`, `ANY /{proxy+}` (x-amazon-apigateway-any-method). */
function label(reference: Pick<GatewayOperation, 'method' | 'path'>): string {
  return `${API_GATEWAY_OPERATION_METHODS[reference.method] ?? reference.method.toUpperCase()} ${reference.path}`;
}

/**
 * The Lambda function behind an aws_proxy URI: a literal invoke ARN, or a CloudFormation `Fn::Sub` (string or
 * `[template, variables]`) or `Fn::Join`, whose `${Resource.Arn}` / `${Resource}` / `Fn::GetAtt` parts name a function
 * resource of the template rather than a deployed name (a Terraform template's `${variable}` reads the same way).
 * A URI it cannot read gives only the operation: the function is then named by `--lambda-function`.
 */
function lambdaReference(reference: GatewayOperation, uri: unknown): LambdaReference {
  const template = templateOf(uri);
  if (!template) return { reference };
  // Pseudo parameters (${AWS::Region}, ...) hold colons; as plain words the ARN's fields split as they will in AWS.
  const text = template.text.replace(/\$\{AWS::([A-Za-z]+)\}/g, 'AWS-$1');
  const match = /:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/.exec(text);
  if (!match || !/^arn:/.test(text)) return { reference };
  const target = match[1]!;
  const whole = /^\$\{([A-Za-z0-9_]+)(?:\.Arn)?\}$/.exec(target);
  if (whole) return { reference, logicalId: whole[1], form: template.form };
  const arn = /^arn:[^:]+:lambda:[^:]+:[^:]+:function:([^:]+)(?::([^:]+))?$/.exec(target);
  if (!arn) return { reference };
  const [, name, qualifier] = arn;
  const literalQualifier = qualifier && /^[A-Za-z0-9_-]+$/.test(qualifier) && qualifier !== '$LATEST' ? { qualifier } : {};
  if (/^[A-Za-z0-9_-]{1,64}$/.test(name!)) return { reference, functionName: name, ...literalQualifier, form: template.form };
  const logical = /^\$\{([A-Za-z0-9_]+)\}$/.exec(name!);
  return logical ? { reference, logicalId: logical[1], ...literalQualifier, form: template.form } : { reference };
}

/** A URI as one string, with CloudFormation references written `${Resource}` / `${Resource.Arn}`. */
function templateOf(uri: unknown): { text: string; form: string } | undefined {
  if (typeof uri === 'string') return { text: uri, form: 'literal ARN' };
  if (!isObject(uri)) return undefined;
  const sub = uri['Fn::Sub'];
  if (typeof sub === 'string') return { text: sub, form: 'Fn::Sub' };
  if (Array.isArray(sub) && typeof sub[0] === 'string') {
    const variables = isObject(sub[1]) ? sub[1] : {};
    const text = sub[0].replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
      const value = variables[name];
      return value === undefined ? whole : (intrinsicText(value) ?? whole);
    });
    return { text, form: 'Fn::Sub' };
  }
  const join = uri['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = (join[1] as unknown[]).map(intrinsicText);
    return parts.every((part) => part !== undefined) ? { text: parts.join(join[0]), form: 'Fn::Join' } : undefined;
  }
  return undefined;
}

function intrinsicText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return undefined;
  if (typeof value.Ref === 'string') return `\${${value.Ref}}`;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt.length === 2) return `\${${String(getAtt[0])}.${String(getAtt[1])}}`;
  if (typeof getAtt === 'string') return `\${${getAtt}}`;
  return undefined;
}

/**
 * One function per service, named by the document or by --lambda-function. A mix with VPC-link operations, a second
 * function, or a function the document does not name are problems; the import is then validated as a Lambda service
 * (the first function, or a stand-in name) so the rules report everything else in the same run.
 */
function chooseFunction(
  lambdas: readonly LambdaReference[],
  vpcLinked: readonly GatewayOperation[],
  options: MappingOptions,
  refuse: Refuse,
): string | undefined {
  if (lambdas.length === 0) return undefined;
  const uri = (reference: GatewayOperation) => [...reference.location, 'x-amazon-apigateway-integration', 'uri'];
  for (const reference of vpcLinked) {
    refuse(
      [...reference.location, 'x-amazon-apigateway-integration'],
      `${label(reference)} goes through a VPC link while ${label(lambdas[0]!.reference)} invokes a Lambda function; a service has one backend kind`,
      'onboard the VPC-link operations and the Lambda operations as two services (import each part with its own --name), or move them behind one backend',
    );
  }
  const named = (lambda: LambdaReference) => lambda.functionName ?? (lambda.logicalId ? `\${${lambda.logicalId}}` : undefined);
  const first = lambdas.find((lambda) => named(lambda) !== undefined);
  for (const lambda of lambdas.filter((candidate) => first && named(candidate) !== undefined && named(candidate) !== named(first))) {
    refuse(
      uri(lambda.reference),
      `${label(lambda.reference)} invokes ${named(lambda)}, ${label(first!.reference)} invokes ${named(first!)}; a service declares one function (backend.functionName)`,
      'route every operation to one function (one handler dispatching on the path), or import the operations of each function as their own service',
    );
  }
  if (options.functionName) return options.functionName;
  if (first?.functionName) return first.functionName;
  const unnamed = first ?? lambdas[0]!;
  refuse(uri(unnamed.reference), ...unnamedFunction(unnamed));
  return UNNAMED_FUNCTION;
}

/** The message and fix for a Lambda proxy whose deployed function name is not in the document. */
function unnamedFunction(lambda: LambdaReference): [string, string] {
  const asked = '(aws lambda list-functions in that account shows it)';
  if (lambda.logicalId && lambda.form !== 'literal ARN')
    return [
      `${label(lambda.reference)} invokes the CloudFormation resource ${lambda.logicalId}; the document does not carry the function's deployed name`,
      `pass --lambda-function <name of ${lambda.logicalId}'s function in the service account> ${asked}`,
    ];
  if (lambda.logicalId)
    return [
      `${label(lambda.reference)} invokes the function named by the template variable \${${lambda.logicalId}}; the document does not carry the function's deployed name`,
      `pass --lambda-function <the value of ${lambda.logicalId}: the function's name in the service account> ${asked}`,
    ];
  const { uri } = lambda.reference.operation['x-amazon-apigateway-integration'] as JsonObject;
  return [
    `${label(lambda.reference)} invokes a Lambda function whose name the uri ${describe(uri)} does not give`,
    `pass --lambda-function <the function's name in the service account> ${asked}`,
  ];
}

/** The cors: block the MOCK preflights answered with; refuses what the platform will not generate. */
function corsOf(preflights: readonly GatewayOperation[], refuse: Refuse): CorsInput | undefined {
  if (preflights.length === 0) return undefined;
  const origins = new Set<string>();
  const headers = new Set<string>();
  let credentials = false;
  let maxAge: number | undefined;
  for (const reference of preflights) {
    const integration = reference.operation['x-amazon-apigateway-integration'] as JsonObject;
    const responses = isObject(integration.responses) ? Object.entries(integration.responses) : [];
    const [key, answer] = responses.find(([, response]) => isObject(response) && isObject(response.responseParameters)) ?? [];
    const at = [...reference.location, 'x-amazon-apigateway-integration', 'responses', ...(key ? [key, 'responseParameters'] : [])];
    const parameters = isObject(answer) && isObject(answer.responseParameters) ? answer.responseParameters : {};
    const origin = unquote(parameters[ALLOW('Allow-Origin')]);
    if (origin === undefined || !/^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(origin)) {
      refuse(
        at,
        `${label(reference)}: preflight answers Access-Control-Allow-Origin ${describe(parameters[ALLOW('Allow-Origin')])}; the platform allows exact https origins only`,
        "remove the options operations and import again, then declare cors.allowOrigins in service.yaml with the exact origins (never '*')",
      );
      continue;
    }
    origins.add(origin);
    for (const header of (unquote(parameters[ALLOW('Allow-Headers')]) ?? '').split(',')) if (header.trim()) headers.add(header.trim());
    if (unquote(parameters[ALLOW('Allow-Credentials')]) === 'true') credentials = true;
    const age = Number(unquote(parameters[ALLOW('Max-Age')]));
    if (Number.isInteger(age) && age >= 0) maxAge = Math.min(Math.max(maxAge ?? 0, age), 7200);
  }
  if (origins.size === 0) return undefined;
  // The gateway authorizer reads the token from Authorization; a browser sends only the headers preflight allowed.
  if (![...headers].some((header) => header.toLowerCase() === 'authorization')) headers.add('Authorization');
  return {
    allowOrigins: [...origins],
    ...(headers.size > 0 ? { allowHeaders: [...headers].filter((header) => /^[A-Za-z0-9-]+$/.test(header)) } : {}),
    ...(credentials ? { allowCredentials: true } : {}),
    ...(maxAge !== undefined ? { maxAgeSeconds: maxAge } : {}),
  };
}

function unquote(value: unknown): string | undefined {
  return typeof value === 'string' && /^'.*'$/.test(value) ? value.slice(1, -1) : undefined;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
}

/** Problems at the line and column of a path of the imported file, as JSON pointers. */
function locator(yaml: string, file: string): (path: readonly (string | number)[]) => Omit<ConfigProblem, 'message' | 'fix'> {
  const lines = new LineCounter();
  const document = parseDocument(yaml, { lineCounter: lines });
  return (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { file, path: [...path], pathStyle: 'json-pointer', line, column: col };
      }
    }
    return { file, path: [...path], pathStyle: 'json-pointer' };
  };
}
