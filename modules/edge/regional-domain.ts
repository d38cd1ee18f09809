import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';
import { DnsValidatedCertificate } from './dns-validated-certificate';

export interface RegionalDomainProps {
  /** The origin name CloudFront connects to, e.g. `origin.api.example.com`. */
  readonly domainName: string;
  readonly hostedZoneId: string;
}

/**
 * The regional custom domain of the public APIs (TLS 1.2 minimum). CloudFront is its only client: its name
 * differs from the public hostname so the public name can point at CloudFront while API Gateway still sees
 * its own name in SNI and Host (CloudFront forwards every viewer header except Host).
 */
export class RegionalDomain extends Construct {
  readonly domain: ApiGatewayDomainName;

  constructor(scope: Construct, id: string, props: RegionalDomainProps) {
    super(scope, id);
    const certificate = new DnsValidatedCertificate(this, 'Certificate', { domainName: props.domainName, hostedZoneId: props.hostedZoneId });
    this.domain = new ApiGatewayDomainName(this, 'Resource', {
      domainName: props.domainName,
      regionalCertificateArn: certificate.validatedArn,
      endpointConfiguration: { types: ['REGIONAL'] },
      securityPolicy: 'TLS_1_2',
    });
    new Route53Record(this, 'AliasRecord', {
      zoneId: props.hostedZoneId,
      name: props.domainName,
      type: 'A',
      alias: { name: this.domain.regionalDomainName, zoneId: this.domain.regionalZoneId, evaluateTargetHealth: false },
    });
  }

  get domainName(): string {
    return this.domain.domainName;
  }
}
