import { compliantIf, type ResourceRule } from '../../rule';
import { show } from '../../values';

export const tgwDefaultPropagation: ResourceRule = {
  id: 'UAG-NET-003',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_ec2_transit_gateway'],
  what: 'Transit Gateways have default route table propagation disabled.',
  why:
    "Default propagation announces every new attachment's routes into the default table, so backends of different teams " +
    'learn routes to each other. Propagation must be chosen per segment. Default: enable.',
  fix: 'Set default_route_table_propagation = "disable" and add aws_ec2_transit_gateway_route_table_propagation per segment.',
  check: ({ values }) =>
    compliantIf(values.default_route_table_propagation === 'disable', `default_route_table_propagation is ${show(values.default_route_table_propagation)}`),
};
