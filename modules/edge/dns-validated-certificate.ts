import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export interface DnsValidatedCertificateProps {
  readonly domainName: string;
  /** Public hosted zone holding the validation record. */
  readonly hostedZoneId: string;
  /** Provider of the certificate's region (us-east-1 for CloudFront).
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** An ACM certificate for one name, validated by a DNS record in the environment's public zone. */
export class DnsValidatedCertificate extends Construct {
  readonly certificate: AcmCertificate;
  /** ARN that only resolves once validation succeeded: use it, not `certificate.arn`, in consumers. */
  readonly validatedArn: string;

  constructor(scope: Construct, id: string, props: DnsValidatedCertificateProps) {
    super(scope, id);
    this.certificate = new AcmCertificate(this, 'Resource', {
      provider: props.provider,
      domainName: props.domainName,
      validationMethod: 'DNS',
      lifecycle: { createBeforeDestroy: true },
    });
    const option = this.certificate.domainValidationOptions.get(0);
    const record = new Route53Record(this, 'ValidationRecord', {
      zoneId: props.hostedZoneId,
      name: option.resourceRecordName,
      type: option.resourceRecordType,
      records: [option.resourceRecordValue],
      ttl: 300,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, 'Validation', {
      provider: props.provider,
      certificateArn: this.certificate.arn,
      validationRecordFqdns: [record.fqdn],
    });
    this.validatedArn = validation.certificateArn;
  }
}
