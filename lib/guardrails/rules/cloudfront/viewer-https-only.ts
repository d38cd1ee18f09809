import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { block, blocks, isReference } from '../../values';

export const viewerHttpsOnly: ResourceRule = {
  id: 'UAG-CF-003',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudfront_distribution'],
  what: 'Every cache behavior of a distribution is viewer_protocol_policy = https-only.',
  why:
    'API clients send credentials in the first request. allow-all serves them over plain HTTP, and redirect-to-https ' +
    'answers only after the token has already crossed the network in clear text; for an API there is no browser to follow the redirect anyway.',
  fix: 'Set viewer_protocol_policy = "https-only" in default_cache_behavior and every ordered_cache_behavior.',
  check: ({ values }) => {
    const behaviors = [
      { name: 'default_cache_behavior', behavior: block(values.default_cache_behavior) },
      ...blocks(values.ordered_cache_behavior).map((behavior, index) => ({ name: `ordered_cache_behavior[${index}]`, behavior })),
    ];
    const wrong = behaviors.filter(
      ({ behavior }) => behavior && !isReference(behavior.viewer_protocol_policy) && behavior.viewer_protocol_policy !== 'https-only',
    );
    if (wrong.length === 0) return COMPLIANT;
    return nonCompliant(wrong.map(({ name, behavior }) => `${name}.viewer_protocol_policy is ${JSON.stringify(behavior?.viewer_protocol_policy)}`).join('; '));
  },
};
