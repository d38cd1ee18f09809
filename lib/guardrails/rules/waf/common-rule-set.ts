import { requireManagedGroup } from './managed-group-rule';

export const commonRuleSet = requireManagedGroup({
  id: 'UAG-WAF-002',
  group: 'AWSManagedRulesCommonRuleSet',
  what: 'Every web ACL includes the AWS managed Common rule set.',
  why:
    'The Common rule set covers the OWASP Top 10 basics (oversized bodies, cross-site scripting, local file inclusion, bad bots ' +
    'by user agent). It is the baseline every API behind the gateway is assumed to have.',
});
