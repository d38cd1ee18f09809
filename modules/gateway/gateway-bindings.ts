import type { IConstruct } from 'constructs';
import { crossStackValue, placeholderArn, placeholderId } from '../../lib/cross-stack';
import { resourceName, shortName } from '../../lib/naming';
import type { GatewayStack } from '../../stacks/gateway-stack';
import type { GatewayBindings } from './service-api';

/**
 * What an API stack takes from the gateway stack for one service. Every token crosses the stack boundary
 * through crossStackValue, so the API stack still plans offline (placeholders instead of remote state).
 */
export function gatewayBindings(consumer: IConstruct, gateway: GatewayStack, service: string): GatewayBindings {
  const { environment, accountId, stackId } = gateway;
  const { region } = environment;
  const integration = gateway.network.integrations.forService(service);
  const placeholderDns = `${shortName(environment.name, service)}-${placeholderId(undefined, `${stackId}/nlb/${service}`)}.elb.${region}.amazonaws.com`;
  const authorizer = gateway.authorizer.authorizerExtension(consumer);
  return {
    vpcLinkId: crossStackValue(consumer, integration.vpcLinkId, placeholderId(undefined, `${stackId}/vpc-link/${service}`)),
    // A TLS backend is called by the name its listener certificate covers (docs/decisions/0013-backend-tls-server-names.md);
    // the VPC link, not DNS, takes the request to the NLB. Plaintext backends keep the NLB's own name as Host.
    backendHost: `${integration.tlsServerName ?? crossStackValue(consumer, integration.loadBalancerDnsName, placeholderDns)}:${integration.listenerPort}`,
    securityScheme: { ...gateway.authorizer.securityScheme(consumer) },
    authorizerUri: authorizer.authorizerUri,
    authorizerCredentials: authorizer.authorizerCredentials,
    authorizerStageVariables: gateway.authorizer.stageVariables(service),
    // A literal from configuration: the stack dependency already orders the API after the domain.
    regionalDomainName: `${environment.domains.originSubdomain}.${environment.domains.public}`,
    regionalWebAclArn: crossStackValue(
      consumer,
      gateway.publicEdge.regionalWebAcl.arn,
      placeholderArn({ service: 'wafv2', region, accountId, resource: `regional/webacl/${resourceName(environment.name, 'regional')}/${placeholderId(undefined, `${stackId}/regional-web-acl`)}` }),
    ),
    logDeliveryRoleArn: gateway.telemetry.logDeliveryRole
      ? crossStackValue(consumer, gateway.telemetry.logDeliveryRole.role.arn, placeholderArn({ service: 'iam', region: '', accountId, resource: `role/${resourceName(environment.name, 'siem-log-delivery')}` }))
      : undefined,
    alarmTopicArn: crossStackValue(consumer, gateway.perimeter.alarmTopic.arn, placeholderArn({ service: 'sns', region, accountId, resource: resourceName(environment.name, 'alarms') })),
  };
}
