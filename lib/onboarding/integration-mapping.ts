import { isNode, LineCounter, parseDocument } from 'yaml';
import type { ConfigProblem } from '../config/problems';
import type { CorsInput } from '../config/schema/cors';
import type { LambdaBackendInput } from '../config/schema/service-backend';
import { isObject, operationName, operationsOf, type JsonObject, type OperationRef } from '../openapi/document';
import { lambdaProxyIntegration } from '../openapi/rules/lambda-integration';
import { OnboardingError } from './onboarding-error';
import type { OpenApiSource } from './openapi-source';

/**
 * What `import` makes of the integrations a document already has (docs/decisions/0014-backend-kinds.md):
 * - Lambda proxy integrations (`aws_proxy` to a function's invoke ARN, literally or as a CloudFormation `Fn::Sub` /
 *   `Fn::Join`) become the service's declared Lambda backend: `backend: { kind: lambda, functionName }` in service.yaml
 *   and `uri: ${lambda_invoke_arn}` in the document, for one function per service;
 * - MOCK OPTIONS operations (browser preflight) become a `cors:` block; the gateway generates the preflight itself;
 * - VPC-link HTTP integrations stay as they are (the rules check them).
 * Anything else is refused, naming each operation, what it is and the team's choice, all in one run.
 */
export interface IntegrationMapping {
  /** The document to import, with the mapped integrations rewritten (the original when nothing was mapped). */
  readonly source: OpenApiSource;
  /** service.yaml's backend when the document's operations invoke one Lambda function. @default - vpcLink (from the flags) */
  readonly backend?: LambdaBackendInput;
  /** service.yaml's cors when the document answered preflight with MOCK integrations. @default - no cors */
  readonly cors?: CorsInput;
  /** One line per mapped operation or decision, for the import report. */
  readonly report: readonly string[];
}

export interface MappingOptions {
  /** `--lambda-function`: the deployed function name, when the document names it only by a CloudFormation resource. */
  readonly functionName?: string;
}

/** One operation's Lambda target as the document writes it. */
interface LambdaReference {
  readonly reference: OperationRef;
  /** The deployed function name, when the URI carries it literally. */
  readonly functionName?: string;
  /** The CloudFormation resource (`MyFunction` of `${MyFunction.Arn}`), when that is all the URI says. */
  readonly logicalId?: string;
  readonly qualifier?: string;
  /** `Fn::Sub`, `Fn::Join` or `literal ARN`, for the report. */
  readonly form: string;
  /** The integration named an IAM role to invoke with. */
  readonly credentials?: boolean;
}

const ALLOW = (header: string) => `method.response.header.Access-Control-${header}`;

export function mapIntegrations(source: OpenApiSource, file: string, options: MappingOptions = {}): IntegrationMapping {
  const problems: ConfigProblem[] = [];
  const locate = locator(source.yaml, file);
  const refuse = (path: readonly (string | number)[], message: string, fix: string) => problems.push({ ...locate(path), message, fix });

  const lambdas: LambdaReference[] = [];
  const preflights: OperationRef[] = [];
  const vpcLinked: OperationRef[] = [];
  const bare: OperationRef[] = [];
  for (const reference of operationsOf(source.document)) {
    const integration = reference.operation['x-amazon-apigateway-integration'];
    const at = [...reference.location, 'x-amazon-apigateway-integration'];
    const name = operationName(reference);
    if (integration === undefined) {
      bare.push(reference);
      continue;
    }
    if (!isObject(integration)) {
      refuse(at, `${name}: x-amazon-apigateway-integration is not a mapping`, 'remove it; import adds the integration of the declared backend');
      continue;
    }
    const type = String(integration.type).toLowerCase();
    if (reference.method === 'options') {
      if (type === 'mock') preflights.push(reference);
      else
        refuse(
          at,
          `${name}: preflight is answered by a ${type} integration; the gateway answers browser preflight itself`,
          'remove the options operation; if browsers call the API, declare cors: (allowOrigins) in service.yaml after import',
        );
      continue;
    }
    if (type === 'aws_proxy') {
      const lambda = lambdaReference(reference, integration.uri);
      if (lambda) lambdas.push({ ...lambda, ...(integration.credentials !== undefined ? { credentials: true } : {}) });
      else
        refuse(
          [...at, 'uri'],
          `${name}: aws_proxy to ${describe(integration.uri)}, which is not the invoke ARN of a Lambda function`,
          'the platform invokes only Lambda functions with aws_proxy: point it at the function (…:lambda:path/2015-03-31/functions/<function ARN>/invocations) or remove the integration for the VPC-link backend',
        );
      continue;
    }
    if ((type === 'http_proxy' || type === 'http') && integration.connectionType === 'VPC_LINK') {
      vpcLinked.push(reference);
      continue;
    }
    refuse(at, `${name}: ${foundIntegration(type, integration)}`, choiceFor(type));
  }

  const functionName = chooseFunction(lambdas, vpcLinked, options, refuse);
  const cors = corsOf(preflights, refuse);
  if (problems.length > 0) {
    throw new OnboardingError(
      `Cannot import ${file}: ${problems.length === 1 ? 'one integration is' : `${problems.length} integrations are`} not supported by the platform; nothing was changed.`,
      [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    );
  }
  if (lambdas.length === 0 && preflights.length === 0) return { source, report: [] };

  const document = parseDocument(source.yaml);
  const report: string[] = [];
  const integration = lambdaProxyIntegration();
  const qualifier = lambdas.find((lambda) => lambda.qualifier)?.qualifier;
  for (const lambda of lambdas) {
    document.setIn([...lambda.reference.location, 'x-amazon-apigateway-integration'], document.createNode(integration));
    const target = lambda.functionName ?? `\${${lambda.logicalId}}`;
    const dropped = lambda.credentials ? '; credentials dropped (the function resource policy grants this API)' : '';
    report.push(
      `${operationName(lambda.reference)}: Lambda proxy to ${target} (${lambda.form}) → uri ${String(integration.uri)}, the declared function ${functionName}${dropped}`,
    );
  }
  if (lambdas.length > 0) {
    for (const reference of bare) {
      document.setIn([...reference.location, 'x-amazon-apigateway-integration'], document.createNode(integration));
      report.push(`${operationName(reference)}: no integration → Lambda proxy to the declared function ${functionName}`);
    }
  }
  for (const reference of preflights) {
    document.deleteIn([...reference.location]);
    report.push(`${operationName(reference)}: MOCK preflight → removed; the gateway generates it from cors: in service.yaml`);
  }
  const backend: LambdaBackendInput | undefined = functionName ? { kind: 'lambda', functionName, ...(qualifier ? { qualifier } : {}) } : undefined;
  if (backend) report.push(`service.yaml: backend ${JSON.stringify(backend)}`);
  if (cors) report.push(`service.yaml: cors ${JSON.stringify(cors)}`);
  const yaml = document.toString({ lineWidth: 0 });
  return { source: { ...source, yaml, document: document.toJS() as JsonObject }, ...(backend ? { backend } : {}), ...(cors ? { cors } : {}), report };
}

/**
 * The Lambda function behind an aws_proxy URI: a literal invoke ARN, or a CloudFormation `Fn::Sub` (string or
 * `[template, variables]`) or `Fn::Join`, whose `${Resource.Arn}` / `${Resource}` / `Fn::GetAtt` parts name a function
 * resource of the template rather than a deployed name.
 */
function lambdaReference(reference: OperationRef, uri: unknown): LambdaReference | undefined {
  const template = templateOf(uri);
  if (!template) return undefined;
  // Pseudo parameters (${AWS::Region}, ...) hold colons; as plain words the ARN's fields split as they will in AWS.
  const text = template.text.replace(/\$\{AWS::([A-Za-z]+)\}/g, 'AWS-$1');
  const match = /:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/.exec(text);
  if (!match || !/^arn:/.test(text)) return undefined;
  const target = match[1]!;
  const whole = /^\$\{([A-Za-z0-9]+)(?:\.Arn)?\}$/.exec(target);
  if (whole) return { reference, logicalId: whole[1], form: template.form };
  const arn = /^arn:[^:]+:lambda:[^:]+:[^:]+:function:([^:]+)(?::([^:]+))?$/.exec(target);
  if (!arn) return undefined;
  const [, name, qualifier] = arn;
  const literalQualifier = qualifier && /^[A-Za-z0-9_-]+$/.test(qualifier) && qualifier !== '$LATEST' ? { qualifier } : {};
  if (/^[A-Za-z0-9_-]{1,64}$/.test(name!)) return { reference, functionName: name, ...literalQualifier, form: template.form };
  const logical = /^\$\{([A-Za-z0-9]+)\}$/.exec(name!);
  return logical ? { reference, logicalId: logical[1], ...literalQualifier, form: template.form } : undefined;
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

/** One function per service, named by the document or by --lambda-function; refuses mixes and ambiguity. */
function chooseFunction(
  lambdas: readonly LambdaReference[],
  vpcLinked: readonly OperationRef[],
  options: MappingOptions,
  refuse: (path: readonly (string | number)[], message: string, fix: string) => void,
): string | undefined {
  if (lambdas.length === 0) return undefined;
  const uri = (reference: OperationRef) => [...reference.location, 'x-amazon-apigateway-integration', 'uri'];
  for (const reference of vpcLinked) {
    refuse(
      [...reference.location, 'x-amazon-apigateway-integration'],
      `${operationName(reference)} goes through a VPC link while ${operationName(lambdas[0]!.reference)} invokes a Lambda function; a service has one backend kind`,
      'onboard the VPC-link operations and the Lambda operations as two services (import each part with its own --name), or move them behind one backend',
    );
  }
  const named = (lambda: LambdaReference) => lambda.functionName ?? `\${${lambda.logicalId}}`;
  const targets = [...new Set(lambdas.map(named))];
  if (targets.length > 1) {
    for (const lambda of lambdas.slice(1).filter((candidate) => named(candidate) !== named(lambdas[0]!))) {
      refuse(
        uri(lambda.reference),
        `${operationName(lambda.reference)} invokes ${named(lambda)}, ${operationName(lambdas[0]!.reference)} invokes ${named(lambdas[0]!)}; a service declares one function (backend.functionName)`,
        'route every operation to one function (one handler dispatching on the path), or import the operations of each function as their own service',
      );
    }
    return undefined;
  }
  if (options.functionName) return options.functionName;
  const [only] = lambdas;
  if (only!.functionName) return only!.functionName;
  refuse(
    uri(only!.reference),
    `${operationName(only!.reference)} invokes the CloudFormation resource ${only!.logicalId}; the document does not carry the function's deployed name`,
    `pass --lambda-function <name of ${only!.logicalId}'s function in the service account> (aws lambda list-functions in that account shows it)`,
  );
  return undefined;
}

/** The cors: block the MOCK preflights answered with; refuses what the platform will not generate. */
function corsOf(
  preflights: readonly OperationRef[],
  refuse: (path: readonly (string | number)[], message: string, fix: string) => void,
): CorsInput | undefined {
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
        `${operationName(reference)}: preflight answers Access-Control-Allow-Origin ${describe(parameters[ALLOW('Allow-Origin')])}; the platform allows exact https origins only`,
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

function foundIntegration(type: string, integration: JsonObject): string {
  switch (type) {
    case 'aws':
      return `AWS service integration (${describe(integration.uri)}), which calls an AWS API with the gateway's credentials`;
    case 'http':
    case 'http_proxy':
      return `${type} integration to a public URL (${describe(integration.uri)}), outside the service's VPC`;
    case 'mock':
      return 'MOCK integration (a canned answer, no backend) on a method other than OPTIONS';
    default:
      return `integration type ${describe(integration.type)}`;
  }
}

function choiceFor(type: string): string {
  switch (type) {
    case 'aws':
      return 'put the call behind a Lambda function in the service account (backend.kind: lambda) or the service behind its VPC link, and remove this integration; import then adds the declared backend';
    case 'http':
    case 'http_proxy':
      return "serve it from the service's VPC behind the NLB: remove this integration and import adds the VPC-link one (--backend <env>=<account>:<ip>)";
    case 'mock':
      return 'serve it from the backend: remove this integration and import adds the declared backend';
    default:
      return 'remove this integration; import adds the declared backend (VPC link, or Lambda proxy when the document invokes a function)';
  }
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
