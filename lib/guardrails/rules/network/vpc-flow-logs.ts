import { compliantIf, type ResourceRule } from '../../rule';
import { refersTo } from '../../values';

export const vpcFlowLogs: ResourceRule = {
  id: 'UAG-NET-004',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_vpc'],
  what: 'Every VPC the landing zone creates has a flow log.',
  why:
    'Flow logs are the network record of which address talked to which, needed to investigate lateral movement between the ' +
    'gateway and backend accounts and required by most financial regulators. They cannot be turned on retroactively.',
  fix: 'Add aws_flow_log { vpc_id = aws_vpc.<name>.id, traffic_type = "ALL", log_destination = ... } in the same stack.',
  check: (vpc, stack) =>
    compliantIf(
      stack.ofType('aws_flow_log').some(({ values }) => refersTo(values.vpc_id, vpc.address)),
      'no aws_flow_log refers to this VPC',
    ),
};
