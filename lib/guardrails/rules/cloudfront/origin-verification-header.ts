import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import { blocks, isReference } from '../../values';
import { customOrigins } from './custom-origins';

export const originVerificationHeader: ResourceRule = {
  id: 'UAG-CF-006',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudfront_distribution'],
  what: 'Every custom origin sends an origin-verification header whose value is generated (a Terraform reference), never a literal.',
  why:
    'The regional API is reachable without CloudFront unless it rejects requests that lack a secret header only CloudFront adds. ' +
    'A literal value is in source control and in every clone of the repository, so anyone who reads it can bypass WAF and Shield.',
  fix: 'Add custom_header { name = "X-Origin-Verify", value = <reference to a generated secret, e.g. a Secrets Manager random password> } to the origin.',
  check: ({ values }) => {
    const origins = customOrigins(values);
    if (origins.length === 0) return NOT_APPLICABLE;
    const missing = origins.filter(({ origin }) => !blocks(origin.custom_header).some((header) => isReference(header.value)));
    if (missing.length === 0) return COMPLIANT;
    return nonCompliant(`${missing.map(({ label }) => label).join(', ')} has no custom_header with a generated value`);
  },
};
