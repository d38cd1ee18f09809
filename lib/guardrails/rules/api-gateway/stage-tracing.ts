import { compliantIf, type ResourceRule } from '../../rule';
import { isTrueOrReference, show } from '../../values';

export const stageTracing: ResourceRule = {
  id: 'UAG-APIGW-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_stage'],
  what: 'Every REST API stage has X-Ray tracing enabled.',
  why:
    'A request crosses CloudFront, the regional API, the authorizer, the VPC link, the NLB and a backend in another account. ' +
    'Tracing is how the P95/P99 latency alarms are explained: without it nobody can tell which hop is slow.',
  fix: 'Set xray_tracing_enabled = true on the stage.',
  check: ({ values }) => compliantIf(isTrueOrReference(values.xray_tracing_enabled), `xray_tracing_enabled is ${show(values.xray_tracing_enabled)}`),
};
