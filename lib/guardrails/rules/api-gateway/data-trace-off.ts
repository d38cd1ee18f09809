import { compliantIf, type ResourceRule } from '../../rule';
import { block, isTrueOrReference, show } from '../../values';

export const dataTraceOff: ResourceRule = {
  id: 'UAG-APIGW-005',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_method_settings'],
  what: 'Method settings never enable data trace (full request and response logging).',
  why:
    'Data trace writes complete request and response bodies and headers to CloudWatch Logs: bearer tokens, card data and ' +
    'personal data end up in logs readable by everyone with log access, outside the controls that protect the backend.',
  fix: 'Remove settings.data_trace_enabled or set it to false; use access logs and X-Ray to debug.',
  check: ({ values }) => {
    const settings = block(values.settings);
    return compliantIf(!isTrueOrReference(settings?.data_trace_enabled), `settings.data_trace_enabled is ${show(settings?.data_trace_enabled)}`);
  },
};
