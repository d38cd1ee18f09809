import { compliantIf, type ResourceRule } from '../../rule';
import { webAclRules } from './web-acl-rules';

export const rateBasedRule: ResourceRule = {
  id: 'UAG-WAF-004',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_wafv2_web_acl'],
  what: 'Every web ACL has at least one rate-based rule.',
  why:
    "Throttling in API Gateway is per API, not per client: one abusive client can use a whole API's limit and lock every other " +
    'client out. A per-IP rate-based rule at the web ACL stops floods and credential stuffing before they reach the API quota.',
  fix: 'Add a rule with statement { rate_based_statement { limit = <requests per 5 minutes>, aggregate_key_type = "IP" } } and action { block {} }.',
  check: ({ values }) =>
    compliantIf(
      webAclRules(values).some((rule) => rule.rateBased),
      'no rule has a rate_based_statement',
    ),
};
