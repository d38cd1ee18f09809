import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { isTrueOrReference, show } from '../../values';

export const loadBalancerInternal: ResourceRule = {
  id: 'UAG-ELB-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lb', 'aws_alb'],
  what: 'Load balancers are internal.',
  why:
    'NLBs exist only as VPC-link targets between API Gateway and the backends. An internet-facing one exposes the backends ' +
    'without the authorizer, WAF or throttling: the whole gateway is bypassed.',
  fix: 'Set internal = true on the load balancer.',
  check: ({ values }) =>
    values.load_balancer_type === 'gateway' ? NOT_APPLICABLE : compliantIf(isTrueOrReference(values.internal), `internal is ${show(values.internal)}`),
};
