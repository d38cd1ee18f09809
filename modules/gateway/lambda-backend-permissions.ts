import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { createHash } from 'node:crypto';

/** One method of the API that invokes the function. */
export interface InvokingMethod {
  /** `GET`, `POST`, ... (`*` for x-amazon-apigateway-any-method). */
  readonly method: string;
  /** The OpenAPI path template, e.g. `/notifications/{id}`. */
  readonly path: string;
}

export interface LambdaBackendPermissionsProps {
  /** Provider acting in the account that owns the function (the permission is part of the function's resource policy). */
  readonly provider: TerraformProvider;
  /** Unqualified function ARN. */
  readonly functionArn: string;
  /** Alias or version the API invokes. @default - the unqualified function */
  readonly qualifier?: string;
  /** The REST API's name, part of each statement id (one function may serve several environments' APIs). */
  readonly apiName: string;
  /** `execution_arn` of the REST API. */
  readonly executionArn: string;
  /** The stage's `stage_name`. */
  readonly stageName: string;
  /** The gateway account: the only account whose API Gateway may use the grant (aws:SourceAccount). */
  readonly sourceAccountId: string;
  readonly methods: readonly InvokingMethod[];
}

/**
 * The Lambda backend's side of a cross-account Lambda proxy integration: one statement in the function's resource
 * policy per method, allowing apigateway.amazonaws.com to invoke it only from this API, stage, method and resource
 * (aws:SourceArn) in the gateway account (aws:SourceAccount). Path parameters become `*`, because API Gateway
 * presents the requested path, not the template. docs/decisions/0014-backend-kinds.md.
 */
export class LambdaBackendPermissions extends Construct {
  readonly permissions: LambdaPermission[];

  constructor(scope: Construct, id: string, props: LambdaBackendPermissionsProps) {
    super(scope, id);
    this.permissions = props.methods.map(
      ({ method, path }) =>
        new LambdaPermission(this, constructId(method, path), {
          provider: props.provider,
          statementId: statementId(props.apiName, method, path),
          action: 'lambda:InvokeFunction',
          functionName: props.functionArn,
          qualifier: props.qualifier,
          principal: 'apigateway.amazonaws.com',
          sourceArn: `${props.executionArn}/${props.stageName}/${method}${sourceArnPath(path)}`,
          sourceAccount: props.sourceAccountId,
        }),
    );
  }
}

/** The resource part of an execute-api ARN: every `{parameter}` of the template becomes a `*` wildcard. */
export function sourceArnPath(path: string): string {
  return path.replace(/\{[^}]+\}/g, '*');
}

/** `GET-notifications-id`: a readable construct id (no `/`, which separates construct paths). */
function constructId(method: string, path: string): string {
  return `${method === '*' ? 'ANY' : method}${path}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '');
}

/** Unique per API, method and path, readable, within Lambda's 100 characters of `[A-Za-z0-9_-]`. */
export function statementId(apiName: string, method: string, path: string): string {
  const digest = createHash('sha256').update(`${method} ${path}`).digest('hex').slice(0, 12);
  return `${apiName}-${method === '*' ? 'ANY' : method}-${digest}`.slice(0, 100);
}
