import { compliantIf, type ResourceRule } from '../../rule';
import { block, blocks } from '../../values';

export const loggingRedactsAuthorization: ResourceRule = {
  id: 'UAG-WAF-006',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_wafv2_web_acl_logging_configuration'],
  what: 'WAF logging redacts the authorization header.',
  why:
    'WAF logs record request headers. Unredacted, every bearer token that reaches the edge is copied into the log ' +
    'destination and the SIEM, where tokens that are still valid can be replayed by anyone with log access.',
  fix: 'Add redacted_fields { single_header { name = "authorization" } } (and the cookie header) to the logging configuration.',
  check: ({ values }) =>
    compliantIf(
      blocks(values.redacted_fields).some((field) => String(block(field.single_header)?.name ?? '').toLowerCase() === 'authorization'),
      'redacted_fields does not include single_header "authorization"',
    ),
};
