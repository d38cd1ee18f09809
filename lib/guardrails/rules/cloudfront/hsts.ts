import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import type { StackView } from '../../stack-view';
import { block, blocks, isReference, numberValue, referencedAddress } from '../../values';

/** One year: the minimum max-age that counts as HSTS for Security Hub and hstspreload.org. */
const MIN_MAX_AGE_SECONDS = 31_536_000;

export const distributionHsts: ResourceRule = {
  id: 'UAG-CF-008',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudfront_distribution'],
  what: 'Every cache behavior has a response headers policy that sends Strict-Transport-Security (max-age at least one year, overriding the origin).',
  why:
    'Without HSTS a client that once typed http:// or followed an http:// link can be downgraded by anyone on its network path ' +
    'before the redirect to HTTPS. API clients that honour it (browsers, many HTTP libraries) then never try plain HTTP ' +
    'again; overriding the origin keeps a backend from weakening it.',
  fix: 'Add aws_cloudfront_response_headers_policy with security_headers_config.strict_transport_security { access_control_max_age_sec = 63072000, include_subdomains = true, override = true } and set response_headers_policy_id on every cache behavior.',
  check: ({ values }, stack) => {
    const behaviors = [
      ...blocks(values.default_cache_behavior).map((behavior) => ({ label: 'default_cache_behavior', behavior })),
      ...blocks(values.ordered_cache_behavior).map((behavior, index) => ({ label: `ordered_cache_behavior[${index}]`, behavior })),
    ];
    const problems = behaviors.flatMap(({ label, behavior }) => {
      const problem = hstsProblem(behavior.response_headers_policy_id, stack);
      return problem ? [`${label}: ${problem}`] : [];
    });
    return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
  },
};

function hstsProblem(policyId: unknown, stack: StackView): string | undefined {
  if (policyId === undefined || policyId === null || policyId === '') return 'no response_headers_policy_id';
  const address = referencedAddress(policyId);
  // A managed policy id or a policy of another stack: set, but its headers cannot be read here.
  if (!address?.startsWith('aws_cloudfront_response_headers_policy.'))
    return isReference(policyId) || typeof policyId === 'string' ? undefined : 'unreadable policy id';
  const policy = stack.get(address);
  if (!policy) return undefined;
  const hsts = block(block(policy.values.security_headers_config)?.strict_transport_security);
  if (!hsts) return `${address} sends no Strict-Transport-Security`;
  const maxAge = numberValue(hsts.access_control_max_age_sec);
  if (maxAge !== undefined && maxAge < MIN_MAX_AGE_SECONDS) return `${address} sets HSTS max-age ${maxAge} s, below one year`;
  if (hsts.override !== true && hsts.override !== 'true') return `${address} lets the origin override HSTS (override is not true)`;
  return undefined;
}
