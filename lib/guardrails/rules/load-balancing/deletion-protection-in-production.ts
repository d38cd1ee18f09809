import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { isTrueOrReference, show } from '../../values';

export const deletionProtectionInProduction: ResourceRule = {
  id: 'UAG-ELB-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lb', 'aws_alb'],
  what: 'In production, load balancers have deletion protection enabled.',
  why:
    'A VPC link is bound to its NLB. A plan that replaces or deletes the NLB breaks the VPC link and every API behind it until ' +
    'both are recreated; deletion protection turns that plan into a failed apply instead of an outage.',
  fix: 'Set enable_deletion_protection = true in production environments.',
  check: ({ values }, _stack, context) =>
    context.production
      ? compliantIf(isTrueOrReference(values.enable_deletion_protection), `enable_deletion_protection is ${show(values.enable_deletion_protection)}`)
      : NOT_APPLICABLE,
};
