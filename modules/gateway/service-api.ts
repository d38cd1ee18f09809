import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Construct } from 'constructs';
import type { EnabledService } from '../../lib/config/model';
import type { Environment } from '../../lib/config/schema/environment';
import type { JsonObject } from '../../lib/openapi/document';
import { resourceName } from '../../lib/naming';
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
  /** The environment's alarm topic. */
  readonly alarmTopicArn: string;
  /** Role for subscribing access logs to the SIEM.
   * @default - logs are not exported */
  readonly logDeliveryRoleArn?: string;
}

export interface ServiceApiProps {
  readonly environment: Environment;
  readonly service: EnabledService;
  readonly gateway: GatewayBindings;
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
    const { environment, gateway } = props;
    const { definition, openApi } = props.service.service;
    const document = applyGatewayExtensions(openApi, { service: definition, securityScheme: gateway.securityScheme });
    const body = renderOpenApiBody(document, {
      vpc_link_id: gateway.vpcLinkId,
      authorizer_uri: gateway.authorizerUri,
      authorizer_credentials: gateway.authorizerCredentials,
    });
    const common = {
      body,
      stageName: environment.name,
      stageVariables: { backendHost: gateway.backendHost, ...gateway.authorizerStageVariables },
      throttling: definition.throttling,
      loggingLevel: environment.api.loggingLevel,
      accessLogRetentionDays: environment.api.accessLogRetentionDays,
      executionLogRetentionDays: environment.api.executionLogRetentionDays,
    };
    const name = resourceName(environment.name, definition.name);
    const hasPublic = definition.visibility !== 'private';
    const hasPrivate = definition.visibility !== 'public';

    if (hasPublic) {
      this.publicApi = new ServiceRestApi(this, 'Public', { ...common, name, description: `${definition.description} (public)`, endpointType: 'REGIONAL' });
      new Apigatewayv2ApiMapping(this, 'PublicMapping', {
        apiId: this.publicApi.restApi.id,
        domainName: gateway.regionalDomainName,
        stage: this.publicApi.stage.stageName,
        apiMappingKey: definition.basePath,
      });
      new Wafv2WebAclAssociation(this, 'PublicWebAcl', { resourceArn: this.publicApi.stage.arn, webAclArn: gateway.regionalWebAclArn });
      new ApiAlarms(this, 'PublicAlarms', { apiName: name, stageName: environment.name, thresholds: environment.observability.alarms, alarmActions: [gateway.alarmTopicArn] });
    }
    if (hasPrivate) {
      const privateName = hasPublic ? `${name}-internal` : name;
      const policy = new PrivateApiPolicy(this, 'PrivatePolicy', { allowedVpcEndpointIds: props.consumerEndpointIds ?? [] });
      this.privateApi = new ServiceRestApi(this, 'Private', { ...common, name: privateName, description: `${definition.description} (internal)`, endpointType: 'PRIVATE', policy: policy.json });
      new ApiAlarms(this, 'PrivateAlarms', { apiName: privateName, stageName: environment.name, thresholds: environment.observability.alarms, alarmActions: [gateway.alarmTopicArn] });
    }

    const siem = environment.observability.logSubscription;
    if (siem && gateway.logDeliveryRoleArn) {
      for (const [key, api] of [['Public', this.publicApi], ['Private', this.privateApi]] as const) {
        if (api) new LogSubscription(this, `${key}AccessLogSubscription`, { logGroupName: api.accessLogGroup.name, destinationArn: siem.destinationArn, roleArn: gateway.logDeliveryRoleArn });
      }
    }
  }
}
