import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { refersTo } from '../../values';

export const protectionHealthCheck: ResourceRule = {
  id: 'UAG-SHIELD-002',
  kind: 'resource',
  severity: 'warning',
  resourceTypes: ['aws_shield_protection'],
  what: 'Shield protections have a Route 53 health check associated (health-based detection); hosted zones excepted.',
  why:
    'With a health check Shield Advanced detects application-layer attacks faster and with fewer false positives, because ' +
    'it knows when the protected endpoint is actually suffering; proactive engagement requires it.',
  fix: 'Add aws_shield_protection_health_check_association { shield_protection_id = aws_shield_protection.<name>.id, health_check_arn = <Route 53 health check ARN> }.',
  // Shield does not support health-based detection for Route 53 hosted zones.
  check: (protection, stack) =>
    /:route53:::hostedzone\/|aws_route53_zone\./.test(String(protection.values.resource_arn))
      ? NOT_APPLICABLE
      : compliantIf(
          stack.ofType('aws_shield_protection_health_check_association').some(({ values }) => refersTo(values.shield_protection_id, protection.address)),
          'no aws_shield_protection_health_check_association refers to this protection',
        ),
};
