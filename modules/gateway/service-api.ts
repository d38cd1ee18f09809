import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { LambdaBackendTarget } from '../../lib/config/views/lambda-backend';
import type { Environment } from '../../lib/config/schema/environment';
import type { Service } from '../../lib/config/schema/service';
import { operationsOf, type JsonObject } from '../../lib/openapi/document';
import { restApiNames } from '../../lib/naming';
import { ApiAlarms } from '../observability/api-alarms';
import { LogSubscription } from '../observability/log-subscription';
import { addCorsPreflight } from './cors-preflight';
import { applyGatewayExtensions } from './gateway-extensions';
import { LambdaBackendPermissions, type InvokingMethod } from './lambda-backend-permissions';
import { renderOpenApiBody } from './openapi-body';
import { PrivateApiPolicy } from './private-api-policy';
import { ServiceRestApi } from './service-rest-api';

/** What the gateway stack provides to a service's API stack, already made safe to cross the stack boundary. */
export interface GatewayBindings {
  /** VPC link of the service's NLB.
   * @default - none: the service has a Lambda backend */
  readonly vpcLinkId?: string;
  /** `<tls server name or nlb dns>:<listener port>`, the backendHost stage variable of the integration URIs.
   * @default - none: the service has a Lambda backend */
  readonly backendHost?: string;
  /** The security scheme replacing the service's authorizer definition. */
  readonly securityScheme: JsonObject;
  readonly authorizerUri: string;
  readonly authorizerCredentials: string;
  /** Stage variables the authorizer needs. */
  readonly authorizerStageVariables: Readonly<Record<string, string>>;
  /** Regional custom domain of the public APIs. */
  readonly regionalDomainName: string;
  /** Regional web ACL requiring CloudFront's origin-verification header. */
  readonly regionalWebAclArn: string;
  /** Alarm actions: the environment's alarm topic and the existing topics it forwards to (observability.alarmNotifications). */
  readonly alarmActions: readonly string[];
  /** Role for subscribing access logs to the SIEM.
   * @default - logs are not exported */
  readonly logDeliveryRoleArn?: string;
}

export interface ServiceApiProps {
  /** Environment name: the stage name and the prefix of the API names. */
  readonly environment: string;
  /** The service's definition (service.yaml): name, visibility, base path, throttling, audit headers. */
  readonly service: Service;
  /** The service's OpenAPI document, as the team wrote it. */
  readonly openApi: JsonObject;
  /** Logging level and log retention of the stages (`api:` of the environment file). */
  readonly stageSettings: Environment['api'];
  /** Alarm thresholds of the API alarms. */
  readonly alarmThresholds: Environment['observability']['alarms'];
  /** SIEM destination the access logs are subscribed to.
   * @default - access logs are not exported */
  readonly logDestinationArn?: string;
  readonly gateway: GatewayBindings;
  /** Customer managed key of the access and execution log groups (the API stack's log key). */
  readonly logKmsKeyArn: string;
  /** execute-api VPC endpoints of the consumers granted this service (private and "both" services).
   * @default - none: the private API admits no caller */
  readonly consumerEndpointIds?: readonly string[];
  /** The function of a `kind: lambda` backend, and a provider acting in the account that owns it.
   * @default - none: the service is reached through its VPC link */
  readonly lambdaBackend?: LambdaBackendTarget & { readonly provider: TerraformProvider };
  /** The gateway account (aws:SourceAccount of the Lambda backend's permissions).
   * @default - required with lambdaBackend */
  readonly gatewayAccountId?: string;
}

/**
 * A service's API as the platform deploys it: the OpenAPI document with the gateway's extensions, rendered into
 * a public REGIONAL API (mapped on the regional domain under its base path, behind the regional web ACL) and/or
 * a PRIVATE API (for internal consumers), each with its stage, logs and alarms.
 */
export class ServiceApi extends Construct {
  readonly publicApi?: ServiceRestApi;
  readonly privateApi?: ServiceRestApi;

  constructor(scope: Construct, id: string, props: ServiceApiProps) {
    super(scope, id);
    const { environment, gateway, stageSettings } = props;
    const definition = props.service;
    const backend = backendPlaceholders(definition, gateway, props.lambdaBackend);
    const extended = applyGatewayExtensions(props.openApi, { service: definition, securityScheme: gateway.securityScheme });
    // Preflight is added after the extensions: a MOCK integration takes no authorizer context or audit headers.
    const document = definition.cors ? addCorsPreflight(extended, definition.cors) : extended;
    const body = renderOpenApiBody(document, {
      ...backend.placeholders,
      authorizer_uri: gateway.authorizerUri,
      authorizer_credentials: gateway.authorizerCredentials,
    });
    const common = {
      body,
      stageName: environment,
      stageVariables: { ...backend.stageVariables, ...gateway.authorizerStageVariables },
      throttling: definition.throttling,
      loggingLevel: stageSettings.loggingLevel,
      accessLogRetentionDays: stageSettings.accessLogRetentionDays,
      executionLogRetentionDays: stageSettings.executionLogRetentionDays,
      logKmsKeyArn: props.logKmsKeyArn,
    };
    const names = restApiNames(environment, definition.name, definition.visibility);

    if (names.public) {
      const name = names.public;
      this.publicApi = new ServiceRestApi(this, 'Public', { ...common, name, description: `${definition.description} (public)`, endpointType: 'REGIONAL' });
      new Apigatewayv2ApiMapping(this, 'PublicMapping', {
        apiId: this.publicApi.restApi.id,
        domainName: gateway.regionalDomainName,
        stage: this.publicApi.stage.stageName,
        apiMappingKey: definition.basePath,
      });
      new Wafv2WebAclAssociation(this, 'PublicWebAcl', { resourceArn: this.publicApi.stage.arn, webAclArn: gateway.regionalWebAclArn });
      new ApiAlarms(this, 'PublicAlarms', { apiName: name, stageName: environment, thresholds: props.alarmThresholds, alarmActions: gateway.alarmActions });
    }
    if (names.private) {
      const privateName = names.private;
      const policy = new PrivateApiPolicy(this, 'PrivatePolicy', { allowedVpcEndpointIds: props.consumerEndpointIds ?? [] });
      this.privateApi = new ServiceRestApi(this, 'Private', {
        ...common,
        name: privateName,
        description: `${definition.description} (internal)`,
        endpointType: 'PRIVATE',
        policy: policy.json,
      });
      new ApiAlarms(this, 'PrivateAlarms', {
        apiName: privateName,
        stageName: environment,
        thresholds: props.alarmThresholds,
        alarmActions: gateway.alarmActions,
      });
    }

    if (props.lambdaBackend) {
      const { lambdaBackend } = props;
      if (!props.gatewayAccountId) throw new Error(`service ${definition.name}: a Lambda backend needs gatewayAccountId for aws:SourceAccount`);
      const methods = lambdaInvokingMethods(document);
      for (const [key, api, apiName] of [
        ['Public', this.publicApi, names.public],
        ['Private', this.privateApi, names.private],
      ] as const) {
        if (api && apiName)
          new LambdaBackendPermissions(this, `${key}LambdaPermissions`, {
            provider: lambdaBackend.provider,
            functionArn: lambdaBackend.functionArn,
            qualifier: lambdaBackend.qualifier,
            apiName,
            executionArn: api.restApi.executionArn,
            stageName: api.stage.stageName,
            sourceAccountId: props.gatewayAccountId,
            methods,
          });
      }
    }

    if (props.logDestinationArn && gateway.logDeliveryRoleArn) {
      for (const [key, api] of [
        ['Public', this.publicApi],
        ['Private', this.privateApi],
      ] as const) {
        if (api)
          new LogSubscription(this, `${key}AccessLogSubscription`, {
            logGroupName: api.accessLogGroup.name,
            destinationArn: props.logDestinationArn,
            roleArn: gateway.logDeliveryRoleArn,
          });
      }
    }
  }
}

/**
 * What the integrations of the service's backend kind need: the VPC link id and the backendHost stage variable, or the
 * invoke ARN of the Lambda function. A service gets exactly one kind, so a document aimed at the other one cannot render.
 */
function backendPlaceholders(
  service: Service,
  gateway: GatewayBindings,
  lambdaBackend: LambdaBackendTarget | undefined,
): { placeholders: Record<string, string>; stageVariables: Record<string, string> } {
  if (service.backend.kind === 'lambda') {
    if (!lambdaBackend) throw new Error(`service ${service.name} has a Lambda backend but no function was resolved for it`);
    return { placeholders: { lambda_invoke_arn: lambdaBackend.invokeArn }, stageVariables: {} };
  }
  if (gateway.vpcLinkId === undefined || gateway.backendHost === undefined) {
    throw new Error(`service ${service.name} is reached through a VPC link but the gateway has no private integration for it`);
  }
  return { placeholders: { vpc_link_id: gateway.vpcLinkId }, stageVariables: { backendHost: gateway.backendHost } };
}

/** The methods integrated with the Lambda function (every Lambda proxy operation of the rendered document). */
function lambdaInvokingMethods(document: JsonObject): InvokingMethod[] {
  return operationsOf(document)
    .filter(({ operation }) => operation['x-amazon-apigateway-integration']?.type === 'aws_proxy')
    .map(({ method, path }) => ({ method: method.toUpperCase(), path }));
}
