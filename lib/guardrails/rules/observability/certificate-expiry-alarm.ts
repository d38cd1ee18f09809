import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { isReference } from '../../values';
import { alarmedMetrics } from './metric-alarms';

export const certificateExpiryAlarm: ResourceRule = {
  id: 'UAG-OBS-004',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lb_listener'],
  what: 'A listener certificate given as an ARN (imported or issued outside the stack) has a DaysToExpiry alarm.',
  why:
    'ACM renews only the certificates it issued and validates itself. An imported certificate expires on its date; every ' +
    'TLS backend behind the listener then fails its handshake with API Gateway at once, and nothing warned before.',
  fix:
    'Add an aws_cloudwatch_metric_alarm in AWS/CertificateManager on DaysToExpiry with dimensions { CertificateArn = "<the ARN>" } ' +
    '(modules/observability/certificate-expiry-alarm.ts).',
  check: ({ values }, stack) => {
    const certificateArn = values.certificate_arn;
    // A certificate managed in the stack (a reference) is renewed by ACM; only literal ARNs come from elsewhere.
    if (typeof certificateArn !== 'string' || isReference(certificateArn)) return NOT_APPLICABLE;
    const found = alarmedMetrics(stack, 'AWS/CertificateManager', 'CertificateArn', { literal: certificateArn });
    return compliantIf(found.has('DaysToExpiry'), `no AWS/CertificateManager DaysToExpiry alarm for ${certificateArn}`);
  },
};
