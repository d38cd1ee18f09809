import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import { stringList } from '../../values';
import { customOrigins } from './custom-origins';

export const originTls: ResourceRule = {
  id: 'UAG-CF-005',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudfront_distribution'],
  what: 'Custom origins accept only TLSv1.2 (origin_ssl_protocols = ["TLSv1.2"]).',
  why:
    'origin_ssl_protocols lists what CloudFront may negotiate with the origin; SSLv3, TLSv1 and TLSv1.1 in that list let a ' +
    'downgraded connection carry tokens and the origin secret. The regional API supports TLS 1.2, so nothing older is needed.',
  fix: 'Set custom_origin_config { origin_ssl_protocols = ["TLSv1.2"] }.',
  check: ({ values }) => {
    const origins = customOrigins(values);
    if (origins.length === 0) return NOT_APPLICABLE;
    const problems = origins.flatMap(({ label, config }) => {
      const protocols = stringList(config.origin_ssl_protocols);
      if (protocols === undefined) return [];
      const legacy = protocols.filter((protocol) => protocol !== 'TLSv1.2');
      if (protocols.length === 0) return [`${label} origin_ssl_protocols is empty`];
      return legacy.length > 0 ? [`${label} allows ${legacy.join(', ')}`] : [];
    });
    return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
  },
};
