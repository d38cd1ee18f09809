import { compliantIf, type ResourceRule } from '../../rule';
import { show } from '../../values';

export const tgwAutoAccept: ResourceRule = {
  id: 'UAG-NET-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_ec2_transit_gateway'],
  what: 'Transit Gateways do not auto-accept shared attachments.',
  why:
    'With auto-accept any account the TGW is shared with can attach a VPC and, with default propagation, reach the gateway ' +
    'and other spokes immediately. Explicit acceptance in the network account makes each new spoke a reviewed change.',
  fix: 'Set auto_accept_shared_attachments = "disable" and accept attachments with aws_ec2_transit_gateway_vpc_attachment_accepter.',
  check: ({ values }) =>
    compliantIf(
      values.auto_accept_shared_attachments === undefined || values.auto_accept_shared_attachments === 'disable',
      `auto_accept_shared_attachments is ${show(values.auto_accept_shared_attachments)}`,
    ),
};
