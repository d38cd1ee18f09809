import { block, blocks, stringList } from '../guardrails/values';
import { proveIntegration } from './integration-hops';
import { Chain } from './hops';
import { proveStage } from './method-hops';
import { readReference, refersTo, type Located } from './references';
import { resourcesOfType, stageNamed, type Route } from './route';

/** Route 53 hosted zone id of every CloudFront distribution (alias targets). */
const CLOUDFRONT_ZONE_ID = 'Z2FDTNDATAQYW2';

/**
 * A public route, in the order a request travels: Route 53 alias → CloudFront (alias, origin host, origin
 * header) → origin DNS → regional custom domain → API mapping (base path) → stage → method → authorizer →
 * integration → backend and network.
 */
export function provePublicRoute(chain: Chain, route: Route): void {
  const apiTarget = { stack: route.api.stack, address: route.api.resource.address };
  const mapping = resourcesOfType(route, 'aws_apigatewayv2_api_mapping').find(({ stack, resource }) =>
    refersTo(route.app, stack, resource.values.api_id, apiTarget, 'id'),
  );
  const domains = resourcesOfType(route, 'aws_api_gateway_domain_name');
  const domain = mapping
    ? domainOfMapping(route, mapping, domains)
    : domains.find(({ resource }) => stringList(endpointTypes(resource.values))?.includes('REGIONAL'));
  if (!domain) {
    chain.fail({
      name: 'regional-domain',
      stack: (mapping ?? route.api).stack.id,
      address: (mapping ?? route.api).resource.address,
      attribute: 'domain_name',
      problem: 'no aws_api_gateway_domain_name carries the public API',
      fix: 'map the public API on the regional custom domain',
    });
  }
  const domainName = String(domain.resource.values.domain_name);

  // Front door: DNS alias → CloudFront whose origin is the regional custom domain.
  const distribution = resourcesOfType(route, 'aws_cloudfront_distribution').find(({ resource }) =>
    blocks(resource.values.origin).some((origin) => origin.domain_name === domainName),
  );
  const alias = distribution
    ? resourcesOfType(route, 'aws_route53_record')
        .filter(({ stack, resource }) =>
          refersTo(route.app, stack, block(resource.values.alias)?.name, { stack: distribution.stack, address: distribution.resource.address }, 'domain_name'),
        )
        // IPv4 first: every client resolves A; AAAA is the extra.
        .sort((a, b) => Number(b.resource.values.type === 'A') - Number(a.resource.values.type === 'A'))[0]
    : undefined;
  if (!distribution || !alias) {
    const anyDistribution = resourcesOfType(route, 'aws_cloudfront_distribution')[0];
    chain.fail({
      name: distribution ? 'dns' : 'cloudfront',
      stack: (distribution ?? anyDistribution ?? domain).stack.id,
      address: (distribution ?? anyDistribution ?? domain).resource.address,
      attribute: distribution ? 'aws_route53_record.alias' : 'origin.domain_name',
      problem: distribution
        ? 'no Route 53 alias record points at the distribution, so clients cannot resolve the public name'
        : `no CloudFront origin has the domain ${domainName}: ${
            anyDistribution
              ? `origins are ${blocks(anyDistribution.resource.values.origin)
                  .map((origin) => String(origin.domain_name))
                  .join(', ')}`
              : 'there is no distribution'
          }`,
      fix: distribution ? 'add A/AAAA alias records for the distribution aliases' : `set the CloudFront origin domain_name to ${domainName}`,
    });
  }
  const recordName = String(alias.resource.values.name);
  const aliases = stringList(distribution.resource.values.aliases) ?? [];
  chain.check(
    aliases.includes(recordName) && block(alias.resource.values.alias)?.zone_id === CLOUDFRONT_ZONE_ID,
    {
      name: 'dns',
      stack: alias.stack.id,
      address: alias.resource.address,
      detail: `${recordName} ${String(alias.resource.values.type)} → ${distribution.resource.address}`,
    },
    {
      attribute: aliases.includes(recordName) ? 'alias.zone_id' : 'name',
      problem: aliases.includes(recordName)
        ? `alias zone is not CloudFront's (${CLOUDFRONT_ZONE_ID})`
        : `${recordName} is not an alias of the distribution (${aliases.join(', ') || 'none'}): CloudFront rejects the Host`,
      fix: 'alias the distribution name to the distribution domain in zone Z2FDTNDATAQYW2',
    },
  );

  const origin = blocks(distribution.resource.values.origin).find((candidate) => candidate.domain_name === domainName)!;
  const behavior = block(distribution.resource.values.default_cache_behavior);
  const header = blocks(origin.custom_header).find((candidate) => candidate.name === 'x-origin-verify');
  const originConfig = block(origin.custom_origin_config);
  const cloudfrontAt = { name: 'cloudfront', stack: distribution.stack.id, address: distribution.resource.address };
  const cloudfrontProblem =
    behavior?.target_origin_id !== origin.origin_id
      ? {
          attribute: 'default_cache_behavior.target_origin_id',
          problem: `the default behavior routes to origin ${String(behavior?.target_origin_id)}, not ${String(origin.origin_id)} (${domainName})`,
          fix: `set target_origin_id to ${String(origin.origin_id)}`,
        }
      : !cloudFrontForwards(stringList(behavior?.allowed_methods) ?? [], route.method)
        ? {
            attribute: 'default_cache_behavior.allowed_methods',
            problem: `${route.method} is not an allowed method: CloudFront answers 403`,
            fix: `allow ${route.method}`,
          }
        : !header || typeof header.value !== 'string' || header.value === ''
          ? {
              attribute: 'origin.custom_header',
              problem: 'the origin sends no x-origin-verify header, so the regional WAF rejects requests from CloudFront',
              fix: 'send x-origin-verify with the origin verification secret',
            }
          : originConfig?.origin_protocol_policy !== 'https-only'
            ? { attribute: 'origin.custom_origin_config.origin_protocol_policy', problem: 'CloudFront may reach the origin without TLS', fix: 'use https-only' }
            : undefined;
  if (cloudfrontProblem) chain.fail({ ...cloudfrontAt, ...cloudfrontProblem });
  chain.pass({ ...cloudfrontAt, detail: `alias ${recordName}, origin ${domainName} (https-only, x-origin-verify), ${route.method} allowed` });

  const originRecord = resourcesOfType(route, 'aws_route53_record').find(
    ({ stack, resource }) =>
      resource.values.name === domainName &&
      refersTo(route.app, stack, block(resource.values.alias)?.name, { stack: domain.stack, address: domain.resource.address }, 'regional_domain_name'),
  );
  chain.check(
    originRecord !== undefined,
    {
      name: 'origin-dns',
      stack: originRecord?.stack.id ?? domain.stack.id,
      address: originRecord?.resource.address ?? domain.resource.address,
      detail: `${domainName} → ${domain.resource.address}.regional_domain_name`,
    },
    {
      attribute: 'aws_route53_record.alias.name',
      problem: `no alias record resolves ${domainName} to the custom domain's regional_domain_name: CloudFront cannot reach the origin`,
      fix: `add an A alias ${domainName} → ${domain.resource.address}.regional_domain_name`,
    },
  );

  const types = stringList(endpointTypes(domain.resource.values)) ?? [];
  chain.check(
    types.includes('REGIONAL') && domain.resource.values.security_policy === 'TLS_1_2',
    { name: 'regional-domain', stack: domain.stack.id, address: domain.resource.address, detail: `${domainName} REGIONAL TLS_1_2` },
    {
      attribute: types.includes('REGIONAL') ? 'security_policy' : 'endpoint_configuration.types',
      problem: types.includes('REGIONAL')
        ? `security_policy is ${String(domain.resource.values.security_policy)}`
        : `the custom domain is ${types.join(', ')}, not REGIONAL`,
      fix: 'a REGIONAL custom domain with security_policy TLS_1_2',
    },
  );

  if (!mapping) {
    chain.fail({
      name: 'api-mapping',
      stack: route.api.stack.id,
      address: route.api.resource.address,
      attribute: 'aws_apigatewayv2_api_mapping',
      problem: `no API mapping puts ${route.api.resource.address} on ${domainName}`,
      fix: 'map the public API on the regional custom domain',
    });
  }
  const stage = stageNamed(route, mapping.stack, mapping.resource.values.stage);
  const key = String(mapping.resource.values.api_mapping_key ?? '');
  chain.check(
    stage !== undefined,
    {
      name: 'api-mapping',
      stack: mapping.stack.id,
      address: mapping.resource.address,
      detail: `${domainName}/${key} → ${stage ? stage.resource.address : ''}`,
    },
    {
      attribute: 'stage',
      problem: `the mapping's stage ${JSON.stringify(mapping.resource.values.stage)} is no stage of ${route.api.resource.address}: API Gateway answers 403/404`,
      fix: 'reference the stage_name of the API stage',
    },
  );
  proveStage(chain, route, stage!);
  proveIntegration(chain, route, stage!);
}

function endpointTypes(values: Record<string, unknown>): unknown {
  return block(values.endpoint_configuration)?.types;
}

function domainOfMapping(route: Route, mapping: Located, domains: readonly Located[]): Located | undefined {
  const reading = readReference(route.app, mapping.stack, mapping.resource.values.domain_name);
  if (reading.kind === 'resolved' && reading.resolution.resource.type === 'aws_api_gateway_domain_name')
    return { stack: reading.resolution.stack, resource: reading.resolution.resource };
  return domains.find(({ resource }) => resource.values.domain_name === mapping.resource.values.domain_name);
}

/** Every method CloudFront can forward to an origin. */
const CLOUDFRONT_FORWARDED_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];

/** API Gateway's ANY (x-amazon-apigateway-any-method) is reachable when CloudFront forwards every method it can. */
function cloudFrontForwards(allowed: readonly string[], method: string): boolean {
  return method === 'ANY' ? CLOUDFRONT_FORWARDED_METHODS.every((candidate) => allowed.includes(candidate)) : allowed.includes(method);
}
