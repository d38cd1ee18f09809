import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { SERVICE_STAGE_VARIABLE, type RouteTable } from '../../lib/authorizer/route-table';
import type { AuthorizerSettings } from '../../lambdas/authorizer/settings';
import { partitionOf } from '../../lib/config/aws-regions';
import type { Environment } from '../../lib/config/schema/environment';
import { resourceName } from '../../lib/naming';
import { BundledFunction } from './bundled-function';

/**
 * What API Gateway builds the authorizer's cache key from. The token alone is not enough: the decision is
 * per route (scopes differ between GET and POST), so a token's cached Allow for one route must not be
 * reused for another. Adding the method and resource template makes the cache per token *and* route.
 */
export const AUTHORIZER_IDENTITY_SOURCES = ['method.request.header.Authorization', 'context.httpMethod', 'context.resourcePath'] as const;

/** The `x-amazon-apigateway-authorizer` object of an OpenAPI security scheme. */
export interface ApiGatewayAuthorizerExtension {
  readonly type: 'request';
  readonly identitySource: string;
  readonly authorizerUri: string;
  readonly authorizerCredentials: string;
  readonly authorizerResultTtlInSeconds: number;
}

/** A complete OpenAPI `components.securitySchemes` entry for the gateway authorizer. */
export interface GatewaySecurityScheme {
  readonly type: 'apiKey';
  readonly name: 'Authorization';
  readonly in: 'header';
  readonly 'x-amazon-apigateway-authtype': 'custom';
  readonly 'x-amazon-apigateway-authorizer': ApiGatewayAuthorizerExtension;
}

export interface ApiAuthorizerProps {
  /** Environment name, prefix of the function and role names. */
  readonly environment: string;
  readonly region: string;
  /** The gateway account the function and the APIs live in. */
  readonly accountId: string;
  /** Issuers, caching and sizing (`authorizer:` of the environment file). */
  readonly settings: Environment['authorizer'];
  /** Customer managed key of the function's log group (the gateway stack's log key). */
  readonly logKmsKeyArn: string;
  /** Which scopes each route of each enabled service requires (lib/config/views/authorizer-routes.ts), bundled as routes.json. */
  readonly routeTable: RouteTable;
  /** Notified when an authorizer alarm changes state.
   * @default - none */
  readonly alarmActions?: readonly string[];
}

/**
 * The gateway's Lambda REQUEST authorizer (lambdas/authorizer), shared by every REST API of the
 * environment, plus the role API Gateway assumes to invoke it. API stacks wire it in through
 * `securityScheme()` and `stageVariables()`.
 */
export class ApiAuthorizer extends Construct {
  readonly function: BundledFunction;
  /** Assumed by API Gateway to invoke the function (the scheme's `authorizerCredentials`). */
  readonly credentialsRole: IamRole;
  /** Compiled from the enabled services and bundled as routes.json. */
  readonly routeTable: RouteTable;
  /** How long API Gateway caches a decision per token and route. */
  readonly resultTtlSeconds: number;
  /** The invoke ARN and role ARN as literals: fully determined by the names this module chooses (offline stand-ins). */
  readonly predictable: { readonly invokeArn: string; readonly credentialsRoleArn: string };

  constructor(scope: Construct, id: string, props: ApiAuthorizerProps) {
    super(scope, id);
    const config = props.settings;
    const functionName = resourceName(props.environment, 'authorizer');
    const credentialsRoleName = resourceName(props.environment, 'authorizer', 'invoke');
    this.resultTtlSeconds = config.resultTtlSeconds;
    this.routeTable = props.routeTable;

    const settings: AuthorizerSettings = {
      issuers: config.issuers.map(({ issuer, jwksUri, audiences, clientIds, algorithms }) => ({ issuer, jwksUri, audiences, clientIds, algorithms })),
    };
    this.function = new BundledFunction(this, 'Function', {
      entry: 'lambdas/authorizer/index.ts',
      functionName,
      accountId: props.accountId,
      logKmsKeyArn: props.logKmsKeyArn,
      description: 'Verifies OIDC access tokens and route scopes for the unified API gateway',
      files: { 'issuers.json': `${JSON.stringify(settings)}\n`, 'routes.json': `${JSON.stringify(this.routeTable)}\n` },
      // Signature checks are CPU-bound; 512 MB gives a larger CPU share and shorter cold starts for little cost.
      memorySizeMb: 512,
      timeoutSeconds: config.timeoutSeconds,
      reservedConcurrency: config.reservedConcurrency,
      // Every rejected token is a Lambda error ("Unauthorized" is how a 401 is returned), so the error
      // alarm counts what the handler logs as a fault and what the runtime logs when it crashes.
      errorSignal: {
        kind: 'log-patterns',
        patterns: ['{ $.level = "error" }', '?"Task timed out" ?"Runtime.ImportModuleError" ?"Runtime.ExitError" ?"Runtime.UnhandledPromiseRejection"'],
      },
      alarmActions: props.alarmActions,
    });

    const trust = new DataAwsIamPolicyDocument(this, 'InvokeTrustPolicy', {
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['apigateway.amazonaws.com'] }],
          // Only API Gateway acting for APIs of this account (confused-deputy protection).
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] }],
        },
      ],
    });
    this.credentialsRole = new IamRole(this, 'InvokeRole', {
      name: credentialsRoleName,
      description: `Assumed by API Gateway to invoke ${functionName}`,
      assumeRolePolicy: trust.json,
    });
    const invoke = new DataAwsIamPolicyDocument(this, 'InvokePolicy', {
      statement: [{ sid: 'InvokeAuthorizer', actions: ['lambda:InvokeFunction'], resources: [this.function.arn] }],
    });
    new IamRolePolicy(this, 'InvokeRolePolicy', { name: 'invoke-authorizer', role: this.credentialsRole.id, policy: invoke.json });

    // Both ARNs are fully determined by names this module chooses; they stand in for the tokens in offline plans.
    const partition = partitionOf(props.region);
    const functionArn = `arn:${partition}:lambda:${props.region}:${props.accountId}:function:${functionName}`;
    this.predictable = {
      invokeArn: `arn:${partition}:apigateway:${props.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
      credentialsRoleArn: `arn:${partition}:iam::${props.accountId}:role/${credentialsRoleName}`,
    };
  }

  /** The function's invoke ARN (`authorizerUri`). */
  get invokeArn(): string {
    return this.function.invokeArn;
  }

  /** The role API Gateway assumes to call the function (`authorizerCredentials`). */
  get credentialsRoleArn(): string {
    return this.credentialsRole.arn;
  }

  /** Stage variables an API stage of `service` must set, so the authorizer applies that service's routes. */
  stageVariables(service: string): Record<string, string> {
    return { [SERVICE_STAGE_VARIABLE]: service };
  }
}

/** The security scheme that replaces a service's own `gatewayAuthorizer` definition, for the given ARNs. */
export function gatewaySecurityScheme(
  arns: { readonly invokeArn: string; readonly credentialsRoleArn: string },
  resultTtlSeconds: number,
): GatewaySecurityScheme {
  return {
    type: 'apiKey',
    name: 'Authorization',
    in: 'header',
    'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': {
      type: 'request',
      identitySource: AUTHORIZER_IDENTITY_SOURCES.join(', '),
      authorizerUri: arns.invokeArn,
      authorizerCredentials: arns.credentialsRoleArn,
      authorizerResultTtlInSeconds: resultTtlSeconds,
    },
  };
}
