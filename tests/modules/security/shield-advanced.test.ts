import { AlarmTopic } from '../../../modules/observability/alarm-topic';
import { ShieldAdvanced } from '../../../modules/security/shield-advanced';
import { byPath, dataByPath, gatewayTestStack, resourcesOf, single, synthJson } from './support';

const DISTRIBUTION = { name: 'api-distribution', distributionArn: 'arn:aws:cloudfront::444455558888:distribution/E2EXAMPLE1', distributionId: 'E2EXAMPLE1' };
const ZONE = { name: 'public-zone', hostedZoneArn: 'arn:aws:route53:::hostedzone/Z0EXAMPLE1' };

function shieldFor(name: string, edit?: Parameters<typeof gatewayTestStack>[1]) {
  const { stack, environment } = gatewayTestStack(name, edit);
  const alarmTopic = new AlarmTopic(stack, 'GlobalAlarmTopic', {
    name: `${environment.name}-alarms-us-east-1`,
    accountId: stack.accountId,
    region: 'us-east-1',
    provider: stack.usEast1,
  });
  const shield = new ShieldAdvanced(stack, 'Shield', { environmentName: environment.name, shield: environment.shield, provider: stack.usEast1, alarmTopic });
  const distribution = shield.protectDistribution('Distribution', DISTRIBUTION);
  const zone = shield.protectHostedZone('PublicZone', ZONE);
  return { json: synthJson(stack), shield, distribution, zone };
}

const SHIELD_TYPES = [
  'aws_shield_subscription',
  'aws_shield_protection',
  'aws_shield_protection_group',
  'aws_shield_protection_health_check_association',
  'aws_shield_drt_access_role_arn_association',
  'aws_shield_drt_access_log_bucket_association',
  'aws_shield_proactive_engagement',
  'aws_shield_application_layer_automatic_response',
  'aws_route53_health_check',
  'aws_cloudwatch_metric_alarm',
  'aws_iam_role',
];

describe('ShieldAdvanced', () => {
  describe('when disabled (dev)', () => {
    it('creates no Shield resource, and registering resources is a no-op', () => {
      const { json, distribution, zone, shield } = shieldFor('dev');
      expect(shield.enabled).toBe(false);
      expect(distribution).toBeUndefined();
      expect(zone).toBeUndefined();
      for (const type of SHIELD_TYPES) expect(resourcesOf(json, type)).toEqual({});
    });
  });

  describe('when enabled (prod)', () => {
    it('subscribes the account as an explicit, non-destroyable, auto-renewing commitment', () => {
      const { json } = shieldFor('prod');
      expect(single(json, 'aws_shield_subscription')).toMatchObject({ auto_renew: 'ENABLED', skip_destroy: true, provider: 'aws.us_east_1' });
    });

    it('leaves the subscription out when the switch is off, and orders nothing after it', () => {
      const { json } = shieldFor('prod', (environment) => (environment.shield.subscription.create = false));
      expect(resourcesOf(json, 'aws_shield_subscription')).toEqual({});
      expect(single(json, 'aws_shield_protection_group')).not.toHaveProperty('depends_on');
    });

    it('groups every protection of the environment, aggregating by maximum', () => {
      const { json } = shieldFor('prod');
      expect(single(json, 'aws_shield_protection_group')).toMatchObject({
        protection_group_id: 'prod-gateway',
        pattern: 'ALL',
        aggregation: 'MAX',
        depends_on: [expect.stringMatching(/^aws_shield_subscription\./)],
      });
    });

    it('protects the distribution and the hosted zone after the subscription exists', () => {
      const { json } = shieldFor('prod');
      expect(Object.values(resourcesOf(json, 'aws_shield_protection'))).toEqual([
        expect.objectContaining({
          name: 'prod-api-distribution',
          resource_arn: DISTRIBUTION.distributionArn,
          provider: 'aws.us_east_1',
          depends_on: [expect.stringMatching(/^aws_shield_subscription\./)],
        }),
        expect.objectContaining({ name: 'prod-public-zone', resource_arn: ZONE.hostedZoneArn }),
      ]);
    });

    it('associates a Route 53 health check on the distribution 5xx error rate (health-based detection)', () => {
      const { json } = shieldFor('prod');
      const errorRate = byPath(json, 'aws_cloudwatch_metric_alarm', 'Distribution/ErrorRate');
      expect(errorRate).toMatchObject({
        namespace: 'AWS/CloudFront',
        metric_name: '5xxErrorRate',
        dimensions: { DistributionId: 'E2EXAMPLE1', Region: 'Global' },
        threshold: 5,
        evaluation_periods: 5,
        comparison_operator: 'GreaterThanThreshold',
        provider: 'aws.us_east_1',
      });
      const healthCheck = single(json, 'aws_route53_health_check');
      expect(healthCheck).toMatchObject({
        type: 'CLOUDWATCH_METRIC',
        cloudwatch_alarm_region: 'us-east-1',
        cloudwatch_alarm_name: expect.stringMatching(/ErrorRate.+\.alarm_name\}$/),
      });
      expect(single(json, 'aws_shield_protection_health_check_association')).toMatchObject({
        shield_protection_id: expect.stringMatching(/^\$\{aws_shield_protection\.Shield_Distribution_.+\.id\}$/),
        health_check_arn: expect.stringMatching(/^\$\{aws_route53_health_check\..+\.arn\}$/),
      });
    });

    it('gives the hosted zone no health check: Shield does not support health-based detection for zones', () => {
      const { zone } = shieldFor('prod');
      expect(zone!.healthCheck).toBeUndefined();
    });

    it('starts automatic application-layer mitigation in COUNT and switches to BLOCK by configuration', () => {
      expect(single(shieldFor('prod').json, 'aws_shield_application_layer_automatic_response')).toMatchObject({
        resource_arn: DISTRIBUTION.distributionArn,
        action: 'COUNT',
      });
      const blocking = shieldFor('prod', (environment) => (environment.shield.applicationLayerResponse = 'block'));
      expect(single(blocking.json, 'aws_shield_application_layer_automatic_response').action).toBe('BLOCK');
    });

    it('alarms on DDoSDetected for each protected resource to the us-east-1 alarm topic', () => {
      const { json } = shieldFor('prod');
      for (const [path, arn] of [
        ['Distribution/DdosDetected', DISTRIBUTION.distributionArn],
        ['PublicZone/DdosDetected', ZONE.hostedZoneArn],
      ]) {
        expect(byPath(json, 'aws_cloudwatch_metric_alarm', path)).toMatchObject({
          namespace: 'AWS/DDoSProtection',
          metric_name: 'DDoSDetected',
          dimensions: { ResourceArn: arn },
          comparison_operator: 'GreaterThanOrEqualToThreshold',
          threshold: 1,
          treat_missing_data: 'notBreaching',
          provider: 'aws.us_east_1',
          alarm_actions: [expect.stringMatching(/^\$\{aws_sns_topic\.GlobalAlarmTopic_.+\.arn\}$/)],
        });
      }
    });

    it('gives the Shield Response Team a role with the AWS managed SRT policy, and associates it', () => {
      const { json } = shieldFor('prod');
      const trust = dataByPath(json, 'aws_iam_policy_document', 'Shield/SrtTrustPolicy') as { statement: unknown[] };
      expect(trust.statement).toEqual([{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['drt.shield.amazonaws.com'] }] }]);
      expect(single(json, 'aws_iam_role').name).toBe('prod-shield-srt-access');
      expect(single(json, 'aws_iam_role_policy_attachment').policy_arn).toMatch(
        /^arn:\$\{data\.aws_partition\..+\.partition\}:iam::aws:policy\/service-role\/AWSShieldDRTAccessPolicy$/,
      );
      expect(single(json, 'aws_shield_drt_access_role_arn_association').role_arn).toMatch(/^\$\{aws_iam_role\..+\.arn\}$/);
    });

    it('lets the SRT read the configured log buckets', () => {
      const { json } = shieldFor('prod', (environment) => (environment.shield.srtAccess.logBuckets = ['example-uag-cloudfront-logs-prod']));
      expect(single(json, 'aws_shield_drt_access_log_bucket_association')).toMatchObject({
        log_bucket: 'example-uag-cloudfront-logs-prod',
        role_arn_association_id: expect.stringMatching(/^\$\{aws_shield_drt_access_role_arn_association\..+\.id\}$/),
      });
    });

    it('turns on proactive engagement with the configured emergency contacts', () => {
      const { json } = shieldFor('prod');
      expect(single(json, 'aws_shield_proactive_engagement')).toMatchObject({
        enabled: true,
        emergency_contact: [
          { email_address: 'soc@example.com', phone_number: '+12025550142', contact_notes: 'Security operations centre, 24/7' },
          { email_address: 'api-platform-oncall@example.com', phone_number: '+12025550178', contact_notes: 'API platform on-call, gateway owners' },
        ],
        depends_on: [expect.stringMatching(/^aws_shield_drt_access_role_arn_association\./)],
      });
    });

    it('leaves proactive engagement out where it is off (staging)', () => {
      const { json } = shieldFor('staging');
      expect(resourcesOf(json, 'aws_shield_proactive_engagement')).toEqual({});
      expect(Object.keys(resourcesOf(json, 'aws_shield_protection'))).toHaveLength(2);
    });
  });
});
