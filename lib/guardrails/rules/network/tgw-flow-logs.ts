import { compliantIf, type ResourceRule } from '../../rule';
import { refersTo } from '../../values';

export const tgwFlowLogs: ResourceRule = {
  id: 'UAG-NET-005',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_ec2_transit_gateway'],
  what: 'Every Transit Gateway has a flow log.',
  why:
    'All traffic between the gateway and the backends in other accounts crosses the Transit Gateway. Its flow logs are the ' +
    'only place that shows cross-account flows end to end, including traffic between segments that should not exist.',
  fix: 'Add aws_flow_log { transit_gateway_id = aws_ec2_transit_gateway.<name>.id, log_destination = ... } in the same stack.',
  check: (tgw, stack) =>
    compliantIf(
      stack.ofType('aws_flow_log').some(({ values }) => refersTo(values.transit_gateway_id, tgw.address)),
      'no aws_flow_log refers to this Transit Gateway',
    ),
};
