import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';

/** ACM renews the certificates it issues; an imported one expires unless someone re-imports it, so warn well before. */
export const CERTIFICATE_EXPIRY_WARNING_DAYS = 45;

export interface CertificateExpiryAlarmProps {
  /** Alarm name, e.g. `prod-nlb-certificate-expiry`. */
  readonly name: string;
  /** The ACM certificate (in the alarm's region). */
  readonly certificateArn: string;
  /** Where it is used, for the description, e.g. `the NLB TLS listeners`. */
  readonly usedBy: string;
  /** Notified on every state change. */
  readonly alarmActions: readonly string[];
}

/**
 * ACM's `DaysToExpiry` for one certificate, published once a day: the alarm fires 45 days before expiry (and when the
 * metric stops, e.g. the certificate was deleted), in time to renew and re-import it.
 */
export class CertificateExpiryAlarm extends Construct {
  readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: CertificateExpiryAlarmProps) {
    super(scope, id);
    this.alarm = new CloudwatchMetricAlarm(this, 'Resource', {
      alarmName: props.name,
      alarmDescription: `The certificate of ${props.usedBy} (${props.certificateArn}) expires in less than ${CERTIFICATE_EXPIRY_WARNING_DAYS} days, or ACM stopped reporting it. Renew it and re-import it under the same ARN (aws acm import-certificate --certificate-arn).`,
      namespace: 'AWS/CertificateManager',
      metricName: 'DaysToExpiry',
      dimensions: { CertificateArn: props.certificateArn },
      statistic: 'Minimum',
      period: 86400,
      evaluationPeriods: 1,
      comparisonOperator: 'LessThanThreshold',
      threshold: CERTIFICATE_EXPIRY_WARNING_DAYS,
      treatMissingData: 'breaching',
      alarmActions: [...props.alarmActions],
      okActions: [...props.alarmActions],
    });
  }
}
