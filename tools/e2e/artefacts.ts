import type { PlannedChange } from './terraform-steps';

/**
 * Re-plan differences that come from the emulator, not from the constructs: each is an attribute moto keeps or
 * returns unlike AWS, with the reason. A planned change is an artefact only when every attribute it changes is
 * listed for its resource type; anything else fails the run. Prefer a shim (tools/e2e/emulator) to an entry here.
 */
export const EMULATOR_ARTEFACTS: readonly { type: string; attributes: readonly string[]; reason: string }[] = [
  {
    type: 'aws_route',
    attributes: ['transit_gateway_id'],
    reason: "moto stores a route to a Transit Gateway of another account (shared through RAM) without the gateway's id",
  },
  {
    type: 'aws_ec2_transit_gateway_vpc_attachment',
    attributes: ['tags', 'tags_all'],
    reason: "moto keeps an attachment's tags in one account; AWS keeps the creator's and the accepter's tags apart",
  },
  {
    type: 'aws_ec2_transit_gateway_vpc_attachment_accepter',
    attributes: ['tags', 'tags_all'],
    reason: "moto keeps an attachment's tags in one account; AWS keeps the creator's and the accepter's tags apart",
  },
  {
    type: 'aws_lb',
    attributes: ['enforce_security_group_inbound_rules_on_private_link_traffic'],
    reason: 'moto 5.2 drops EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic from DescribeLoadBalancers',
  },
  {
    type: 'aws_cloudfront_distribution',
    attributes: ['default_cache_behavior', 'viewer_certificate'],
    reason: 'moto returns ForwardedValues beside a cache policy and CloudFrontDefaultCertificate beside an ACM certificate; AWS returns neither',
  },
  {
    type: 'aws_api_gateway_domain_name',
    attributes: ['policy'],
    reason: 'moto 5.2 does not return the resource policy of a private custom domain name',
  },
];

/** The listed reason when `change` is an emulator artefact, else undefined. */
export function artefactReason(change: PlannedChange): string | undefined {
  const type = change.address.split('.')[0];
  const entry = EMULATOR_ARTEFACTS.find((artefact) => artefact.type === type);
  if (!entry || !change.action.includes('updated in-place') || change.attributes.length === 0) return undefined;
  return change.attributes.every((attribute) => entry.attributes.includes(attribute)) ? entry.reason : undefined;
}
