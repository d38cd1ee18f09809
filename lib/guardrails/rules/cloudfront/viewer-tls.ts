import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { block, isReference, show } from '../../values';

/** CloudFront security policies that allow nothing older than TLS 1.2 with modern ciphers. */
export const MODERN_VIEWER_POLICIES = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];

export const viewerTls: ResourceRule = {
  id: 'UAG-CF-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudfront_distribution'],
  what: 'CloudFront viewer certificates use a custom certificate with minimum protocol TLSv1.2_2021 or newer.',
  why:
    'Viewers send bearer tokens and payment data. TLSv1.2_2019 and older still accept CBC ciphers, and the default ' +
    'CloudFront certificate forces TLSv1 as the minimum. TLSv1.2_2021 is the oldest policy that meets PCI DSS and current bank guidance.',
  fix: 'Set viewer_certificate { acm_certificate_arn = <us-east-1 certificate>, ssl_support_method = "sni-only", minimum_protocol_version = "TLSv1.2_2021" }.',
  check: ({ values }) => {
    const certificate = block(values.viewer_certificate);
    if (!certificate) return nonCompliant('viewer_certificate is missing');
    if (certificate.cloudfront_default_certificate === true || certificate.cloudfront_default_certificate === 'true') {
      return nonCompliant('viewer_certificate.cloudfront_default_certificate is true (minimum protocol TLSv1)');
    }
    const version = certificate.minimum_protocol_version;
    if (isReference(version) || (typeof version === 'string' && MODERN_VIEWER_POLICIES.includes(version))) return COMPLIANT;
    return nonCompliant(`viewer_certificate.minimum_protocol_version is ${show(version)}`);
  },
};
