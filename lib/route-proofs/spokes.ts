import * as ipaddr from 'ipaddr.js';
import { readReference, type Located } from './references';
import { resourcesOfType, tagsOf, type Route } from './route';
import { VPC_CIDR_TAG } from '../output-tags';

/** Transit Gateway attachment tag declaring the attached VPC's CIDR when the VPC is not created in the output. */

/** A VPC attached to the Transit Gateway with its CIDR, from the created `aws_vpc` or the attachment's tag. */
export interface SpokeVpc {
  readonly attachment: Located;
  readonly cidr: string;
  readonly range: [ipaddr.IPv4, number];
}

export function spokeAttachments(route: Route): readonly SpokeVpc[] {
  return route.app.memo(`spokes\u0001${route.environment}`, () => findSpokeAttachments(route));
}

function findSpokeAttachments(route: Route): SpokeVpc[] {
  return resourcesOfType(route, 'aws_ec2_transit_gateway_vpc_attachment').flatMap((attachment) => {
    const vpc = readReference(route.app, attachment.stack, attachment.resource.values.vpc_id);
    const created = vpc.kind === 'resolved' && vpc.resolution.resource.type === 'aws_vpc' ? vpc.resolution.resource.values.cidr_block : undefined;
    const cidr = typeof created === 'string' ? created : tagsOf(attachment.resource)[VPC_CIDR_TAG];
    return typeof cidr === 'string' && ipaddr.IPv4.isValidCIDR(cidr) ? [{ attachment, cidr, range: ipaddr.IPv4.parseCIDR(cidr) }] : [];
  });
}
