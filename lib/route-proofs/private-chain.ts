import { block, blocks, stringList } from '../guardrails/values';
import { proveIntegration } from './integration-hops';
import { Chain } from './hops';
import { proveStage } from './method-hops';
import { admitsEndpoint, allowedEndpoints, policyStatements } from './policies';
import { readReference, refersTo, type Located } from './references';
import { nameOf, referrers, resourcesOfType, stageNamed, tagsOf, type Route } from './route';

/**
 * A private route, for every consumer endpoint the API's resource policy grants, in the order a request travels:
 * consumer private hosted zone record → execute-api VPC endpoint → domain access association → private custom
 * domain policy → base path mapping → stage → private API policy → method → authorizer → backend and network.
 */
export function provePrivateRoute(chain: Chain, route: Route): void {
  const apiAt = { stack: route.api.stack.id, address: route.api.resource.address };
  const apiPolicy = policyStatements(route.app, route.api.stack, route.api.resource.values.policy);
  const endpoints = apiPolicy ? allowedEndpoints(route.app, route.api.stack, apiPolicy) : [];
  if (!apiPolicy || endpoints.length === 0) {
    chain.fail({
      name: 'private-api-policy',
      ...apiAt,
      attribute: 'policy',
      problem: apiPolicy
        ? 'the resource policy admits no execute-api VPC endpoint (aws:SourceVpce), so no consumer can call the private API'
        : 'the private API has no readable resource policy; API Gateway denies every call to a private API without one',
      fix: 'grant the consumer endpoints with an Allow of execute-api:Invoke on aws:SourceVpce',
    });
  }
  const mapping = resourcesOfType(route, 'aws_api_gateway_base_path_mapping').find(({ stack, resource }) =>
    refersTo(route.app, stack, resource.values.api_id, { stack: route.api.stack, address: route.api.resource.address }, 'id'),
  );
  if (!mapping) {
    chain.fail({
      name: 'base-path-mapping',
      ...apiAt,
      attribute: 'aws_api_gateway_base_path_mapping',
      problem: 'no base path mapping puts the private API on the private custom domain',
      fix: 'map the private API on the private domain (domain_name_id)',
    });
  }
  const domainReading = readReference(route.app, mapping.stack, mapping.resource.values.domain_name_id);
  if (
    domainReading.kind !== 'resolved' ||
    domainReading.resolution.resource.type !== 'aws_api_gateway_domain_name' ||
    domainReading.resolution.attribute !== 'domain_name_id'
  ) {
    chain.fail({
      name: 'base-path-mapping',
      stack: mapping.stack.id,
      address: mapping.resource.address,
      attribute: 'domain_name_id',
      problem: 'domain_name_id is not a reference to a private custom domain (a private domain is identified by its domain_name_id)',
      fix: "reference the private domain's domain_name_id",
    });
  }
  const domain: Located = { stack: domainReading.resolution.stack, resource: domainReading.resolution.resource };
  const domainName = String(domain.resource.values.domain_name);

  for (const endpoint of endpoints) proveConsumer(chain, route, endpoint, domain, domainName);

  const stage = stageNamed(route, mapping.stack, mapping.resource.values.stage_name);
  const basePath = String(mapping.resource.values.base_path ?? '');
  chain.check(
    stage !== undefined,
    {
      name: 'base-path-mapping',
      stack: mapping.stack.id,
      address: mapping.resource.address,
      detail: `${domainName}/${basePath} → ${stage ? stage.resource.address : ''}`,
    },
    {
      attribute: 'stage_name',
      problem: `the mapping's stage_name ${JSON.stringify(mapping.resource.values.stage_name)} is no stage of ${route.api.resource.address}: API Gateway rejects the mapping`,
      fix: 'reference the stage_name of the API stage',
    },
  );
  proveStage(chain, route, stage!);
  for (const endpoint of endpoints) {
    const admitted = admitsEndpoint(route.app, route.api.stack, apiPolicy!, endpoint);
    chain.check(
      admitted.admitted,
      { name: 'private-api-policy', ...apiAt, detail: `admits ${nameOf(endpoint)}` },
      { attribute: 'policy', problem: admitted.reason, fix: 'allow the endpoint in aws:SourceVpce and leave it out of the Deny' },
    );
  }
  proveIntegration(chain, route, stage!);
}

/** One consumer's way in: DNS in its VPC → its execute-api endpoint → access association → domain policy. */
function proveConsumer(chain: Chain, route: Route, endpoint: Located, domain: Located, domainName: string): void {
  const consumer = String(tagsOf(endpoint.resource).Name ?? endpoint.resource.address);
  const vpcId = endpoint.resource.values.vpc_id;
  const zones = resourcesOfType(route, 'aws_route53_zone').filter(
    ({ resource }) => trimDot(resource.values.name) === domainName && blocks(resource.values.vpc).some((vpc) => vpc.vpc_id === vpcId),
  );
  const records = zones.flatMap((zone) => [
    ...referrers(route, 'aws_route53_record', 'zone_id', zone, 'zone_id'),
    ...referrers(route, 'aws_route53_record', 'zone_id', zone, 'id'),
  ]);
  const endpointTarget = { stack: endpoint.stack, address: endpoint.resource.address };
  const record = records.find(({ stack, resource }) => {
    const alias = block(resource.values.alias);
    return (
      trimDot(resource.values.name) === domainName &&
      refersTo(route.app, stack, alias?.name, endpointTarget, 'dns_entry[0].dns_name') &&
      refersTo(route.app, stack, alias?.zone_id, endpointTarget, 'dns_entry[0].hosted_zone_id')
    );
  });
  chain.check(
    record !== undefined,
    {
      name: 'consumer-dns',
      stack: record?.stack.id ?? endpoint.stack.id,
      address: record?.resource.address ?? endpoint.resource.address,
      detail: `${domainName} in the private zone of ${String(vpcId)} → ${nameOf(endpoint)}`,
    },
    {
      attribute: zones.length === 0 ? 'aws_route53_zone.vpc' : 'aws_route53_record.alias',
      problem:
        zones.length === 0
          ? `no private hosted zone ${domainName} is associated with the consumer VPC ${String(vpcId)} (${consumer})`
          : `no record ${domainName} in the consumer zone aliases the endpoint's dns_entry[0]: the name does not resolve to ${consumer}'s endpoint`,
      fix: `add an A alias ${domainName} → the endpoint's dns_entry[0] in the consumer's private hosted zone`,
    },
  );

  const serviceName = String(endpoint.resource.values.service_name ?? '');
  const groups = (Array.isArray(endpoint.resource.values.security_group_ids) ? endpoint.resource.values.security_group_ids : []).flatMap((value) => {
    const reading = readReference(route.app, endpoint.stack, value);
    return reading.kind === 'resolved' ? [{ stack: reading.resolution.stack, resource: reading.resolution.resource }] : [];
  });
  const https = groups.some((group) =>
    referrers(route, 'aws_vpc_security_group_ingress_rule', 'security_group_id', group, 'id').some(
      ({ resource }) => Number(resource.values.from_port) <= 443 && 443 <= Number(resource.values.to_port),
    ),
  );
  chain.check(
    serviceName.endsWith('.execute-api') && endpoint.resource.values.vpc_endpoint_type === 'Interface' && https,
    {
      name: 'vpc-endpoint',
      stack: endpoint.stack.id,
      address: endpoint.resource.address,
      detail: `${serviceName} interface endpoint in ${String(vpcId)}, HTTPS admitted`,
    },
    {
      attribute: !serviceName.endsWith('.execute-api')
        ? 'service_name'
        : endpoint.resource.values.vpc_endpoint_type !== 'Interface'
          ? 'vpc_endpoint_type'
          : 'security_group_ids',
      problem: !serviceName.endsWith('.execute-api')
        ? `${serviceName} is not the execute-api service`
        : endpoint.resource.values.vpc_endpoint_type !== 'Interface'
          ? 'not an Interface endpoint'
          : "the endpoint's security groups admit no HTTPS (tcp/443)",
      fix: 'an Interface endpoint for com.amazonaws.<region>.execute-api admitting tcp/443 from the consumer VPC',
    },
  );

  const association = resourcesOfType(route, 'aws_api_gateway_domain_name_access_association').find(
    ({ stack, resource }) =>
      resource.values.access_association_source_type === 'VPCE' &&
      refersTo(route.app, stack, resource.values.access_association_source, endpointTarget, 'id') &&
      refersTo(route.app, stack, resource.values.domain_name_arn, { stack: domain.stack, address: domain.resource.address }, 'arn'),
  );
  chain.check(
    association !== undefined,
    {
      name: 'access-association',
      stack: association?.stack.id ?? endpoint.stack.id,
      address: association?.resource.address ?? endpoint.resource.address,
      detail: `${nameOf(endpoint)} ↔ ${nameOf(domain)}`,
    },
    {
      attribute: 'aws_api_gateway_domain_name_access_association',
      problem: `no domain name access association links ${consumer}'s endpoint to ${domainName}: API Gateway refuses the private domain through that endpoint`,
      fix: "associate the consumer endpoint with the private domain's arn (access_association_source_type VPCE)",
    },
  );

  const types = stringList(block(domain.resource.values.endpoint_configuration)?.types) ?? [];
  const policy = policyStatements(route.app, domain.stack, domain.resource.values.policy);
  const admitted = policy
    ? admitsEndpoint(route.app, domain.stack, policy, endpoint)
    : { admitted: false, reason: 'the private domain has no readable policy' };
  chain.check(
    types.includes('PRIVATE') && domain.resource.values.security_policy === 'TLS_1_2' && admitted.admitted,
    {
      name: 'private-domain-policy',
      stack: domain.stack.id,
      address: domain.resource.address,
      detail: `${domainName} PRIVATE TLS_1_2 admits ${nameOf(endpoint)}`,
    },
    {
      attribute: !types.includes('PRIVATE')
        ? 'endpoint_configuration.types'
        : domain.resource.values.security_policy !== 'TLS_1_2'
          ? 'security_policy'
          : 'policy',
      problem: !types.includes('PRIVATE')
        ? `the domain is ${types.join(', ')}, not PRIVATE`
        : domain.resource.values.security_policy !== 'TLS_1_2'
          ? `security_policy is ${String(domain.resource.values.security_policy)}`
          : admitted.reason,
      fix: "allow the consumer endpoint in the private domain's policy (aws:SourceVpce)",
    },
  );
}

function trimDot(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\.$/, '') : '';
}
