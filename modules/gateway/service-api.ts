import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Construct } from 'constructs';
import type { Environment } from '../../lib/config/schema/environment';
import type { Service } from '../../lib/config/schema/service';
import type { JsonObject } from '../../lib/openapi/document';
import { restApiNames } from '../../lib/naming';
import { ApiAlarms } from '../observability/api-alarms';
import { LogSubscription } from '../observability/log-subscription';
import { applyGatewayExtensions } from './gateway-extensions';
import { renderOpenApiBody } from './openapi-body';
import { PrivateApiPolicy } from './private-api-policy';
import { ServiceRestApi } from './service-rest-api';

/** What the gateway stack provides to a service's API stack, already made safe to cross the stack boundary. */
export interface GatewayBindings {
  readonly vpcLinkId: string;
  /** `<tls server name or nlb dns>:<listener port>`, the backendHost stage variable of the integration URIs. */
  readonly backendHost: string;
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
    const document = applyGatewayExtensions(props.openApi, { service: definition, securityScheme: gateway.securityScheme });
    const body = renderOpenApiBody(document, {
      vpc_link_id: gateway.vpcLinkId,
      authorizer_uri: gateway.authorizerUri,
      authorizer_credentials: gateway.authorizerCredentials,
    });
    const common = {
      body,
      stageName: environment,
      stageVariables: { backendHost: gateway.backendHost, ...gateway.authorizerStageVariables },
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
