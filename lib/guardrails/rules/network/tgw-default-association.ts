import { compliantIf, type ResourceRule } from '../../rule';
import { show } from '../../values';

export const tgwDefaultAssociation: ResourceRule = {
  id: 'UAG-NET-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_ec2_transit_gateway'],
  what: 'Transit Gateways have default route table association disabled.',
  why:
    'Segmentation (gateway vs. backends, backends isolated from each other) lives in per-segment route tables. The default ' +
    'association puts every new attachment into one shared table, where it can reach everything attached there. Default: enable.',
  fix: 'Set default_route_table_association = "disable" and associate each attachment with its segment\'s route table.',
  check: ({ values }) =>
    compliantIf(values.default_route_table_association === 'disable', `default_route_table_association is ${show(values.default_route_table_association)}`),
};
