import { compliantIf, type ResourceRule } from '../../rule';
import { alarmedMetrics, missingMetrics } from './metric-alarms';

const HEALTH_METRICS = ['HealthyHostCount', 'UnHealthyHostCount'];

export const targetGroupHealthAlarms: ResourceRule = {
  id: 'UAG-OBS-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lb_target_group'],
  what: 'Every NLB target group has alarms on HealthyHostCount and UnHealthyHostCount.',
  why:
    'Without them a backend outage shows only as API 5XX, and only while clients call. The load balancer health checks ' +
    'run without traffic and name the backend whose targets failed.',
  fix:
    'Add aws_cloudwatch_metric_alarm resources in AWS/NetworkELB on HealthyHostCount and UnHealthyHostCount with ' +
    'dimensions { TargetGroup = aws_lb_target_group.<name>.arn_suffix, LoadBalancer = aws_lb.<nlb>.arn_suffix } ' +
    '(modules/observability/target-group-health-alarms.ts).',
  check: (targetGroup, stack) => {
    const found = alarmedMetrics(stack, 'AWS/NetworkELB', 'TargetGroup', { addresses: [targetGroup.address] });
    const missing = missingMetrics(HEALTH_METRICS, found);
    return compliantIf(missing.length === 0, `no AWS/NetworkELB alarm on ${missing.join(' and ')} with dimension TargetGroup of this target group`);
  },
};
