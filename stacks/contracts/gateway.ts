import type { IConstruct } from 'constructs';
import type { Environment } from '../../lib/config/schema/environment';
import { crossStackValue, placeholderArn, placeholderId, placeholderUuid } from '../../lib/cross-stack';
import { originDomainName, resourceName, shortName } from '../../lib/naming';
import type { GatewayBindings } from '../../modules/gateway/service-api';
import type { PublicEdge } from '../../modules/gateway/public-edge';
import { gatewaySecurityScheme, type ApiAuthorizer } from '../../modules/lambda/authorizer';
import type { GatewayNetwork } from '../../modules/network/gateway-network';
import type { TelemetryExports } from '../../modules/observability/telemetry-exports';
import { consumersOf } from '../../lib/config/views/access-matrix';
import type { EndpointReference, PrivateDomainReference } from '../../modules/private-domain/private-domain-reference';
import type { SharedPrivateDomain } from '../../modules/private-domain/shared-private-domain';
import type { GatewayPerimeter } from '../../modules/security/gateway-perimeter';

/** What `<env>-gateway` hands the API stacks and the consumer spokes. */
export interface GatewayContract {
  /** Everything the API stack of `service` binds to: VPC link, backend host, authorizer, domain, web ACL, alarms. */
  bindingsFor(service: string): GatewayBindings;
  /** The shared private domain: domain id and ARN, consumer endpoints, the share an outside account accepts. */
  readonly privateDomain: PrivateDomainReference;
}

/** The gateway stack as the contract is built from it. */
export interface GatewayProducer extends IConstruct {
  readonly stackId: string;
  readonly accountId: string;
  readonly environment: Environment;
  readonly network: GatewayNetwork;
  readonly authorizer: ApiAuthorizer;
  readonly publicEdge: PublicEdge;
  readonly perimeter: GatewayPerimeter;
  readonly telemetry: TelemetryExports;
  readonly privateDomain: SharedPrivateDomain;
}

/**
 * Built once by the gateway stack. Each value is the producer's token (deploy mode: cdktf turns its use in another
 * stack into an output here and remote state there) or, in offline plans, a deterministic stand-in of the same shape
 * (lib/cross-stack.ts). This is the only place that decides which.
 */
export function gatewayContract(gateway: GatewayProducer): GatewayContract {
  const { environment, accountId, stackId } = gateway;
  const { region } = environment;
  const exported = <T extends string>(token: T, standIn: T): T => crossStackValue(gateway, token, standIn);

  const scheme = gatewaySecurityScheme(
    {
      invokeArn: exported(gateway.authorizer.invokeArn, gateway.authorizer.predictable.invokeArn),
      credentialsRoleArn: exported(gateway.authorizer.credentialsRoleArn, gateway.authorizer.predictable.credentialsRoleArn),
    },
    gateway.authorizer.resultTtlSeconds,
  );
  const regionalWebAclArn = exported(
    gateway.publicEdge.regionalWebAcl.arn,
    placeholderArn({
      service: 'wafv2',
      region,
      accountId,
      resource: `regional/webacl/${resourceName(environment.name, 'regional')}/${placeholderId(undefined, `${stackId}/regional-web-acl`)}`,
    }),
  );
  const alarmTopicArn = exported(
    gateway.perimeter.alarmTopic.arn,
    placeholderArn({ service: 'sns', region, accountId, resource: resourceName(environment.name, 'alarms') }),
  );
  const deliveryRole = gateway.telemetry.logDeliveryRole;
  const logDeliveryRoleArn = deliveryRole
    ? exported(
        deliveryRole.role.arn,
        placeholderArn({ service: 'iam', region: '', accountId, resource: `role/${resourceName(environment.name, 'siem-log-delivery')}` }),
      )
    : undefined;

  const bindingsFor = (service: string): GatewayBindings => {
    const shared = () => ({
      securityScheme: { ...scheme },
      authorizerUri: scheme['x-amazon-apigateway-authorizer'].authorizerUri,
      authorizerCredentials: scheme['x-amazon-apigateway-authorizer'].authorizerCredentials,
      authorizerStageVariables: gateway.authorizer.stageVariables(service),
      // A literal from configuration: the stack dependency already orders the API after the domain.
      regionalDomainName: originDomainName(environment.domains),
      regionalWebAclArn,
      logDeliveryRoleArn,
      // The forwarded topics are literals from configuration; only the gateway's own topic crosses as a stack value.
      alarmActions: [alarmTopicArn, ...gateway.perimeter.alarmTopic.alarmActions.slice(1)],
    });
    // A Lambda backend has no private integration (docs/decisions/0014-backend-kinds.md).
    if (!gateway.network.integrations.services.includes(service)) return shared();
    const integration = gateway.network.integrations.forService(service);
    const placeholderDns = `${shortName(environment.name, service)}-${placeholderId(undefined, `${stackId}/nlb/${service}`)}.elb.${region}.amazonaws.com`;
    return {
      vpcLinkId: exported(integration.vpcLinkId, placeholderId(undefined, `${stackId}/vpc-link/${service}`)),
      // A TLS backend is called by the name its listener certificate covers (docs/decisions/0013-backend-tls-server-names.md);
      // the VPC link, not DNS, takes the request to the NLB. Plaintext backends keep the NLB's own name as Host.
      backendHost: `${integration.tlsServerName ?? exported(integration.loadBalancerDnsName, placeholderDns)}:${integration.listenerPort}`,
      ...shared(),
    };
  };

  return { bindingsFor, privateDomain: privateDomainReference(gateway, exported) };
}

/** The shared private domain as an API or consumer stack sees it; the domain name is a literal from configuration. */
function privateDomainReference(gateway: GatewayProducer, exported: <T extends string>(token: T, standIn: T) => T): PrivateDomainReference {
  const { stackId, accountId } = gateway;
  const { region } = gateway.environment;
  const shared = gateway.privateDomain;
  const { domainName } = shared;
  const domainNameId = exported(shared.domain.domainNameId, placeholderId(undefined, `${stackId}/private-domain`));
  const domainArn = exported(
    shared.domain.arn,
    placeholderArn({
      service: 'apigateway',
      region,
      accountId,
      resource: `/domainnames/${domainName}+${placeholderId(undefined, `${stackId}/private-domain`)}`,
    }),
  );

  const endpoint = (name: string): EndpointReference => {
    const produced = shared.endpoint(name);
    const seed = `${stackId}/endpoint/${name}`;
    return {
      id: exported(produced.id, placeholderId('vpce', seed)),
      dnsName: exported(
        produced.dnsName,
        `${placeholderId('vpce', seed)}-${placeholderId(undefined, `${seed}/dns`).slice(0, 8)}.execute-api.${region}.vpce.amazonaws.com`,
      ),
      hostedZoneId: exported(produced.dnsHostedZoneId, `Z${placeholderId(undefined, `${seed}/zone`).toUpperCase()}`),
    };
  };

  return {
    domainName,
    domainNameId,
    domainArn,
    endpoint,
    endpointIdsFor: (service) => consumersOf(shared.matrix, service).map((grant) => endpoint(grant.consumer).id),
    shareToAccept: (account) => {
      const grant = shared.matrix.find((candidate) => candidate.accountId === account);
      if (!grant || grant.inOrganization) return undefined;
      return exported(
        shared.shareFor(account).arn,
        placeholderArn({ service: 'ram', region, accountId, resource: `resource-share/${placeholderUuid(`${stackId}/private-domain-external-share`)}` }),
      );
    },
  };
}
