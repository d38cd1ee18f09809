import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { Environment } from '../../lib/config/schema/environment';
import { partitionOf } from '../../lib/config/aws-regions';
import { originDomainName } from '../../lib/naming';
import { CloudFrontFrontDoor } from '../edge/cloudfront-front-door';
import { OriginVerificationSecret } from '../edge/origin-verification-secret';
import { RegionalDomain } from '../edge/regional-domain';
import type { GatewayPerimeter } from '../security/gateway-perimeter';
import type { RegionalWebAcl } from '../security/regional-web-acl';

export interface PublicEdgeProps {
  /** Environment name, part of the origin secret's name. */
  readonly environment: string;
  readonly region: string;
  /** Public hostname, hosted zone and origin label (`domains:` of the environment file). */
  readonly domains: Environment['domains'];
  /** Price class and access-log bucket of the distribution. */
  readonly cloudFront: Environment['cloudFront'];
  /** WAF, Shield and alarm topics of the gateway. */
  readonly perimeter: GatewayPerimeter;
  readonly usEast1: TerraformProvider;
}

/**
 * The public path in front of the APIs: Route 53 → CloudFront (edge web ACL, Shield) → regional custom domain
 * (origin.<public>, regional web ACL requiring the origin-verification secret) → the stages of public APIs.
 */
export class PublicEdge extends Construct {
  readonly regionalDomain: RegionalDomain;
  /** Associated with every public stage; rejects requests that did not come through CloudFront. */
  readonly regionalWebAcl: RegionalWebAcl;
  readonly frontDoor: CloudFrontFrontDoor;

  constructor(scope: Construct, id: string, props: PublicEdgeProps) {
    super(scope, id);
    const { environment, perimeter, domains } = props;
    const originDomain = originDomainName(domains);
    this.regionalDomain = new RegionalDomain(this, 'RegionalDomain', { domainName: originDomain, hostedZoneId: domains.hostedZoneId });
    const secret = new OriginVerificationSecret(this, 'OriginVerification', {
      name: `uag/${environment}/origin-verification`,
      rotationMonths: props.cloudFront.originSecretRotationMonths,
    });
    // Both rotation slots pass: the one CloudFront sends now and the one its edges still send while they switch.
    const [slotA, slotB] = secret.acceptedValues;
    this.regionalWebAcl = perimeter.enforceOriginVerification({ secretValue: slotA, previousSecretValue: slotB });
    this.frontDoor = new CloudFrontFrontDoor(this, 'FrontDoor', {
      domainName: domains.public,
      hostedZoneId: domains.hostedZoneId,
      originDomainName: originDomain,
      securityHeadersPolicyName: `${environment}-api-security-headers`,
      originVerificationValue: secret.value,
      originVerifiedBy: this.regionalWebAcl.webAcl,
      webAclArn: perimeter.edgeWebAcl.arn,
      priceClass: props.cloudFront.priceClass,
      loggingBucket: props.cloudFront.loggingBucket,
      usEast1: props.usEast1,
    });
    perimeter.shield.protectDistribution('Distribution', {
      name: 'api',
      distributionArn: this.frontDoor.distribution.arn,
      distributionId: this.frontDoor.distribution.id,
    });
    perimeter.shield.protectHostedZone('PublicZone', {
      name: 'public-zone',
      hostedZoneArn: `arn:${partitionOf(props.region)}:route53:::hostedzone/${domains.hostedZoneId}`,
    });
  }
}
