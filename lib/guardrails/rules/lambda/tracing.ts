import { compliantIf, type ResourceRule } from '../../rule';
import { block, isReference, show } from '../../values';

export const functionTracing: ResourceRule = {
  id: 'UAG-LAMBDA-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lambda_function'],
  what: 'Lambda functions have active X-Ray tracing.',
  why:
    'The authorizer runs on every API call; when latency rises, its traces show whether JWKS fetches, cold starts or policy ' +
    'evaluation are responsible. Functions without tracing are gaps in the request traces of the stage.',
  fix: 'Set tracing_config { mode = "Active" } and allow xray:PutTraceSegments in the function role.',
  check: ({ values }) => {
    const mode = block(values.tracing_config)?.mode;
    return compliantIf(mode === 'Active' || isReference(mode), `tracing_config.mode is ${show(mode)}`);
  },
};
