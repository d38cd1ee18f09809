import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { refersTo } from '../../values';

export const distributionProtected: ResourceRule = {
  id: 'UAG-SHIELD-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudfront_distribution'],
  what: 'When Shield Advanced is in use, every CloudFront distribution has an aws_shield_protection.',
  why:
    'Shield Advanced protects only the resources it is told about. A distribution added without a protection gets no ' +
    'DDoS response team, no cost protection for scaling during an attack and no application-layer automatic mitigation, ' +
    'while the subscription makes everyone believe it is covered.',
  fix: 'Add aws_shield_protection { resource_arn = aws_cloudfront_distribution.<name>.arn } (us-east-1 provider) in the same stack.',
  check: (distribution, stack, context) => {
    if (!context.shieldAdvanced) return NOT_APPLICABLE;
    const protectedBy = stack.ofType('aws_shield_protection').some(({ values }) => refersTo(values.resource_arn, distribution.address));
    return compliantIf(protectedBy, 'no aws_shield_protection refers to this distribution');
  },
};
