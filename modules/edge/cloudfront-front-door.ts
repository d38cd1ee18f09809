import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudfrontResponseHeadersPolicy } from '@cdktf/provider-aws/lib/cloudfront-response-headers-policy';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../security/regional-web-acl';
import { DnsValidatedCertificate } from './dns-validated-certificate';

/** AWS managed policies (IDs are global constants): no caching for APIs; every viewer header but Host to the origin. */
export const MANAGED_CACHE_POLICY_CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
export const MANAGED_ORIGIN_REQUEST_POLICY_ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
/** HSTS max-age: two years, the value hstspreload.org asks for (at least one year is what UAG-CF-008 requires). */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** Hosted zone of every CloudFront distribution, for alias records. */
export const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

export interface CloudFrontFrontDoorProps {
  /** Public hostname, e.g. `api.example.com`. */
  readonly domainName: string;
  readonly hostedZoneId: string;
  /** Regional custom domain CloudFront forwards to, e.g. `origin.api.example.com`. */
  readonly originDomainName: string;
  /** Name of the response headers policy (HSTS and the other security headers), e.g. `prod-api-security-headers`. */
  readonly securityHeadersPolicyName: string;
  /** Reference to the origin-verification secret sent as `x-origin-verify`. */
  readonly originVerificationValue: string;
  /** ARN of the CLOUDFRONT-scope web ACL. */
  readonly webAclArn: string;
  readonly priceClass: string;
  /** Bucket for standard logs.
   * @default - no standard logging */
  readonly loggingBucket?: string;
  /** us-east-1 provider (CloudFront certificates live there). */
  readonly usEast1: TerraformProvider;
  /** What must accept a rotated origin-verification value before CloudFront starts sending it (the regional web ACL).
   * @default - nothing */
  readonly originVerifiedBy?: ITerraformDependable;
}

/**
 * The public entry: CloudFront with AWS WAF in front of the regional custom domain. HTTPS only on both sides,
 * TLSv1.2_2021 minimum for viewers, TLS 1.2 to the origin, no caching, and the origin-verification header so
 * the regional side can reject anything that did not come through here.
 */
export class CloudFrontFrontDoor extends Construct {
  readonly distribution: CloudfrontDistribution;

  constructor(scope: Construct, id: string, props: CloudFrontFrontDoorProps) {
    super(scope, id);
    const certificate = new DnsValidatedCertificate(this, 'Certificate', {
      domainName: props.domainName,
      hostedZoneId: props.hostedZoneId,
      provider: props.usEast1,
    });
    // Every response carries HSTS (browsers and clients that honour it never try plain HTTP again for two years, this
    // host and its subdomains) and the headers that keep an API response from being rendered or framed; the origin's own
    // values are overridden so a backend cannot weaken them (decision 0016-edge-protection, UAG-CF-008).
    const securityHeaders = new CloudfrontResponseHeadersPolicy(this, 'SecurityHeaders', {
      name: props.securityHeadersPolicyName,
      comment: `HSTS and security headers for ${props.domainName}`,
      securityHeadersConfig: {
        strictTransportSecurity: { accessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: 'DENY', override: true },
        referrerPolicy: { referrerPolicy: 'no-referrer', override: true },
      },
    });
    const originId = 'regional-api';
    this.distribution = new CloudfrontDistribution(this, 'Resource', {
      enabled: true,
      comment: `Unified API gateway ${props.domainName}`,
      aliases: [props.domainName],
      httpVersion: 'http2and3',
      isIpv6Enabled: true,
      priceClass: props.priceClass,
      webAclId: props.webAclArn,
      origin: [
        {
          originId,
          domainName: props.originDomainName,
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: 'https-only',
            originSslProtocols: ['TLSv1.2'],
            originReadTimeout: 30,
            originKeepaliveTimeout: 5,
          },
          customHeader: [{ name: ORIGIN_VERIFY_HEADER, value: props.originVerificationValue }],
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: originId,
        viewerProtocolPolicy: 'https-only',
        allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
        cachedMethods: ['GET', 'HEAD'],
        cachePolicyId: MANAGED_CACHE_POLICY_CACHING_DISABLED,
        originRequestPolicyId: MANAGED_ORIGIN_REQUEST_POLICY_ALL_VIEWER_EXCEPT_HOST,
        responseHeadersPolicyId: securityHeaders.id,
        compress: true,
      },
      viewerCertificate: { acmCertificateArn: certificate.validatedArn, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      // On a rotation the web ACL accepts the new slot first; only then does the distribution start sending it.
      dependsOn: props.originVerifiedBy ? [props.originVerifiedBy] : undefined,
      loggingConfig: props.loggingBucket
        ? { bucket: `${props.loggingBucket}.s3.amazonaws.com`, includeCookies: false, prefix: `${props.domainName}/` }
        : undefined,
    });
    for (const type of ['A', 'AAAA']) {
      new Route53Record(this, `Alias${type}`, {
        zoneId: props.hostedZoneId,
        name: props.domainName,
        type,
        alias: { name: this.distribution.domainName, zoneId: CLOUDFRONT_HOSTED_ZONE_ID, evaluateTargetHealth: false },
      });
    }
  }
}
