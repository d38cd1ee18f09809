import { compliantIf, type ResourceRule } from '../../rule';
import { isSet, refersTo } from '../../values';

export const webAclLogging: ResourceRule = {
  id: 'UAG-WAF-005',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_wafv2_web_acl'],
  what: 'Every web ACL has a logging configuration with a destination.',
  why:
    'WAF logs are the evidence of what was blocked and why: without them a false positive cannot be diagnosed, an attack ' +
    'cannot be investigated and the security team cannot tune rules before moving them from count to block.',
  fix: 'Add aws_wafv2_web_acl_logging_configuration { resource_arn = aws_wafv2_web_acl.<name>.arn, log_destination_configs = [<aws-waf-logs-... destination>] }.',
  check: (acl, stack) =>
    compliantIf(
      stack
        .ofType('aws_wafv2_web_acl_logging_configuration')
        .some(({ values }) => refersTo(values.resource_arn, acl.address) && isSet(values.log_destination_configs)),
      'no aws_wafv2_web_acl_logging_configuration with a destination refers to this web ACL',
    ),
};
