import { compliantIf, type ResourceRule } from '../../rule';
import { isSet } from '../../values';

export const distributionWebAcl: ResourceRule = {
  id: 'UAG-CF-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudfront_distribution'],
  what: 'Every CloudFront distribution is associated with an AWS WAF web ACL.',
  why:
    'CloudFront is the only public entry to the APIs. The web ACL is where IP reputation, the OWASP common rule set, ' +
    'known bad inputs and rate limiting are enforced; a distribution without one forwards every attack straight to the API and its backends.',
  fix: 'Set web_acl_id to the ARN of the CLOUDFRONT-scope web ACL (aws_wafv2_web_acl.<edge>.arn, created with the us-east-1 provider).',
  check: ({ values }) => compliantIf(isSet(values.web_acl_id), 'web_acl_id is empty'),
};
