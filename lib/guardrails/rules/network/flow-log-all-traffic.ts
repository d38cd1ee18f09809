import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { isReference, show } from '../../values';

export const flowLogAllTraffic: ResourceRule = {
  id: 'UAG-NET-006',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_flow_log'],
  what: 'VPC, subnet and ENI flow logs capture ALL traffic, not only accepted or rejected.',
  why: 'ACCEPT-only logs hide scans and blocked attempts; REJECT-only logs hide what actually got through. An investigation needs both.',
  fix: 'Set traffic_type = "ALL" on the flow log.',
  check: ({ values }) => {
    // Transit Gateway flow logs have no traffic type.
    if (values.transit_gateway_id !== undefined || values.transit_gateway_attachment_id !== undefined) return NOT_APPLICABLE;
    return compliantIf(values.traffic_type === 'ALL' || isReference(values.traffic_type), `traffic_type is ${show(values.traffic_type)}`);
  },
};
