import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import { isReference } from '../../values';
import { customOrigins } from './custom-origins';

export const originHttpsOnly: ResourceRule = {
  id: 'UAG-CF-004',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudfront_distribution'],
  what: 'CloudFront reaches every custom origin with origin_protocol_policy = https-only.',
  why:
    "Between CloudFront and the regional API the request still carries the client's token and the origin-verification secret. " +
    'http-only or match-viewer would send both over the internet in clear text.',
  fix: 'Set custom_origin_config { origin_protocol_policy = "https-only", https_port = 443 } on every custom origin.',
  check: ({ values }) => {
    const origins = customOrigins(values);
    if (origins.length === 0) return NOT_APPLICABLE;
    const wrong = origins.filter(({ config }) => !isReference(config.origin_protocol_policy) && config.origin_protocol_policy !== 'https-only');
    if (wrong.length === 0) return COMPLIANT;
    return nonCompliant(wrong.map(({ label, config }) => `${label} origin_protocol_policy is ${JSON.stringify(config.origin_protocol_policy)}`).join('; '));
  },
};
