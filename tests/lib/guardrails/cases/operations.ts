import { alarmTopicReceivers } from '../../../../lib/guardrails/rules/observability/alarm-topic-receivers';
import { certificateExpiryAlarm } from '../../../../lib/guardrails/rules/observability/certificate-expiry-alarm';
import { targetGroupHealthAlarms } from '../../../../lib/guardrails/rules/observability/target-group-health-alarms';
import { transitGatewayAttachmentAlarms } from '../../../../lib/guardrails/rules/observability/transit-gateway-attachment-alarms';
import { targetGroupCreateFirst } from '../../../../lib/guardrails/rules/replacement/target-group-create-first';
import { vpcLinkCreateFirst } from '../../../../lib/guardrails/rules/replacement/vpc-link-create-first';
import type { RuleCases } from '../support';

/** Operations and reliability rules of issue 16: alarm receivers, blind spots, replacements that can complete. */

const topic = { name: 'dev-alarms', kms_master_key_id: '${aws_kms_key.alarms.arn}' };
const alarmOn = (actions: unknown[]) => ({
  alarm_name: 'dev-authorizer-errors',
  namespace: 'AWS/Lambda',
  metric_name: 'Errors',
  alarm_actions: actions,
  ok_actions: actions,
});
const subscription = { topic_arn: '${aws_sns_topic.alarms.arn}', protocol: 'email', endpoint: 'oncall@example.com' };

const targetGroup = {
  name: 'dev-ledger-tls-8443',
  port: 8443,
  protocol: 'TLS',
  target_type: 'ip',
  lifecycle: { create_before_destroy: true },
};
const healthAlarm = (metric: string) => ({
  namespace: 'AWS/NetworkELB',
  metric_name: metric,
  dimensions: { TargetGroup: '${aws_lb_target_group.ledger.arn_suffix}', LoadBalancer: '${aws_lb.shared.arn_suffix}' },
});

const attachment = { transit_gateway_id: 'tgw-0123456789abcdef0', vpc_id: '${aws_vpc.gateway.id}', subnet_ids: ['${aws_subnet.a.id}'] };
const accepter = { transit_gateway_attachment_id: '${aws_ec2_transit_gateway_vpc_attachment.gateway.id}' };
const dropAlarm = (metric: string, attachmentRef: string) => ({
  namespace: 'AWS/TransitGateway',
  metric_name: metric,
  dimensions: { TransitGateway: 'tgw-0123456789abcdef0', TransitGatewayAttachment: attachmentRef },
});

const certificateArn = 'arn:aws:acm:ap-southeast-1:444455556666:certificate/3f2e3d4c-5b6a-4789-9abc-def012345678';
const tlsListener = { load_balancer_arn: '${aws_lb.shared.arn}', port: 8443, protocol: 'TLS', certificate_arn: certificateArn };
const expiryAlarm = { namespace: 'AWS/CertificateManager', metric_name: 'DaysToExpiry', dimensions: { CertificateArn: certificateArn } };

export const OPERATIONS_CASES: RuleCases[] = [
  {
    rule: alarmTopicReceivers,
    cases: [
      {
        name: 'an e-mail subscription on the topic',
        resources: {
          'aws_sns_topic.alarms': topic,
          'aws_sns_topic_subscription.oncall': subscription,
          'aws_cloudwatch_metric_alarm.errors': alarmOn(['${aws_sns_topic.alarms.arn}']),
        },
        expect: 'compliant',
      },
      {
        name: 'no subscription, but every alarm also notifies an existing topic',
        resources: {
          'aws_sns_topic.alarms': topic,
          'aws_cloudwatch_metric_alarm.errors': alarmOn(['${aws_sns_topic.alarms.arn}', 'arn:aws:sns:ap-southeast-1:444455556666:ops-chatbot']),
        },
        expect: 'compliant',
      },
      {
        name: 'a topic of alarms in other stacks, tagged as forwarding',
        resources: { 'aws_sns_topic.alarms': { ...topic, name: 'dev-alarms-network', tags: { 'uag:alarm-forwards': '1' } } },
        expect: 'compliant',
      },
      {
        name: 'alarms notify a topic nobody subscribes to',
        resources: { 'aws_sns_topic.alarms': topic, 'aws_cloudwatch_metric_alarm.errors': alarmOn(['${aws_sns_topic.alarms.arn}']) },
        expect: {
          nonCompliant: /^no aws_sns_topic_subscription refers to this topic, and 1 alarm\(s\) notify only it \(e\.g\. aws_cloudwatch_metric_alarm\.errors\)$/,
        },
      },
      {
        name: 'an alarm topic by name, without alarms in the stack and without subscription',
        resources: { 'aws_sns_topic.alarms': { ...topic, name: 'dev-alarms-network' } },
        expect: { nonCompliant: /^no aws_sns_topic_subscription refers to this topic and it forwards to no existing topic$/ },
      },
      {
        name: 'a non-production environment that opted out',
        resources: { 'aws_sns_topic.alarms': topic, 'aws_cloudwatch_metric_alarm.errors': alarmOn(['${aws_sns_topic.alarms.arn}']) },
        context: { alarmNotificationsOptOut: true },
        expect: 'not-applicable',
      },
      { name: 'a topic no alarm notifies', resources: { 'aws_sns_topic.events': { name: 'dev-ram-events' } }, expect: 'not-applicable' },
    ],
  },
  {
    rule: targetGroupHealthAlarms,
    cases: [
      {
        name: 'healthy and unhealthy host alarms on the target group',
        resources: {
          'aws_lb_target_group.ledger': targetGroup,
          'aws_cloudwatch_metric_alarm.healthy': healthAlarm('HealthyHostCount'),
          'aws_cloudwatch_metric_alarm.unhealthy': healthAlarm('UnHealthyHostCount'),
        },
        expect: 'compliant',
      },
      {
        name: 'only the unhealthy host alarm',
        resources: { 'aws_lb_target_group.ledger': targetGroup, 'aws_cloudwatch_metric_alarm.unhealthy': healthAlarm('UnHealthyHostCount') },
        expect: { nonCompliant: /^no AWS\/NetworkELB alarm on HealthyHostCount with dimension TargetGroup of this target group$/ },
      },
      {
        name: 'alarms on another target group',
        resources: {
          'aws_lb_target_group.ledger': targetGroup,
          'aws_lb_target_group.payments': targetGroup,
          'aws_cloudwatch_metric_alarm.healthy': healthAlarm('HealthyHostCount'),
          'aws_cloudwatch_metric_alarm.unhealthy': healthAlarm('UnHealthyHostCount'),
        },
        address: 'aws_lb_target_group.payments',
        expect: { nonCompliant: /^no AWS\/NetworkELB alarm on HealthyHostCount and UnHealthyHostCount with dimension TargetGroup of this target group$/ },
      },
    ],
  },
  {
    rule: transitGatewayAttachmentAlarms,
    cases: [
      {
        name: 'drop alarms through the accepter of a cross-account attachment',
        resources: {
          'aws_ec2_transit_gateway_vpc_attachment.gateway': attachment,
          'aws_ec2_transit_gateway_vpc_attachment_accepter.gateway': accepter,
          'aws_cloudwatch_metric_alarm.no_route': dropAlarm(
            'PacketDropCountNoRoute',
            '${aws_ec2_transit_gateway_vpc_attachment_accepter.gateway.transit_gateway_attachment_id}',
          ),
          'aws_cloudwatch_metric_alarm.blackhole': dropAlarm('PacketDropCountBlackhole', '${aws_ec2_transit_gateway_vpc_attachment.gateway.id}'),
        },
        expect: 'compliant',
      },
      {
        name: 'no blackhole alarm',
        resources: {
          'aws_ec2_transit_gateway_vpc_attachment.gateway': attachment,
          'aws_cloudwatch_metric_alarm.no_route': dropAlarm('PacketDropCountNoRoute', '${aws_ec2_transit_gateway_vpc_attachment.gateway.id}'),
        },
        expect: { nonCompliant: /^no AWS\/TransitGateway alarm on PacketDropCountBlackhole with dimension TransitGatewayAttachment of this attachment$/ },
      },
      {
        name: 'no alarm at all',
        resources: { 'aws_ec2_transit_gateway_vpc_attachment.gateway': attachment },
        expect: {
          nonCompliant:
            /^no AWS\/TransitGateway alarm on PacketDropCountNoRoute and PacketDropCountBlackhole with dimension TransitGatewayAttachment of this attachment$/,
        },
      },
    ],
  },
  {
    rule: certificateExpiryAlarm,
    cases: [
      {
        name: 'a DaysToExpiry alarm for the literal certificate ARN',
        resources: { 'aws_lb_listener.ledger': tlsListener, 'aws_cloudwatch_metric_alarm.expiry': expiryAlarm },
        expect: 'compliant',
      },
      {
        name: 'an imported certificate without expiry alarm',
        resources: { 'aws_lb_listener.ledger': tlsListener },
        expect: { nonCompliant: new RegExp(`^no AWS/CertificateManager DaysToExpiry alarm for ${certificateArn.replace(/[./]/g, '\\$&')}$`) },
      },
      {
        name: 'a certificate managed in the stack (ACM renews it)',
        resources: { 'aws_lb_listener.ledger': { ...tlsListener, certificate_arn: '${aws_acm_certificate.nlb.arn}' } },
        expect: 'not-applicable',
      },
      {
        name: 'a TCP listener',
        resources: { 'aws_lb_listener.ledger': { ...tlsListener, protocol: 'TCP', certificate_arn: undefined } },
        expect: 'not-applicable',
      },
    ],
  },
  {
    rule: targetGroupCreateFirst,
    cases: [
      { name: 'create-before-destroy, port in the name', resources: { 'aws_lb_target_group.ledger': targetGroup }, expect: 'compliant' },
      {
        name: 'create-before-destroy with name_prefix',
        resources: { 'aws_lb_target_group.ledger': { ...targetGroup, name: undefined, name_prefix: 'dev-l' } },
        expect: 'compliant',
      },
      {
        name: 'a fixed name (the state before issue 16)',
        resources: { 'aws_lb_target_group.ledger': { ...targetGroup, name: 'dev-ledger' } },
        expect: { nonCompliant: /^name "dev-ledger" does not change with port 8443 and name_prefix is unset$/ },
      },
      {
        name: 'deleted before its replacement exists',
        resources: { 'aws_lb_target_group.ledger': { ...targetGroup, lifecycle: undefined } },
        expect: { nonCompliant: /^lifecycle\.create_before_destroy is unset$/ },
      },
    ],
  },
  {
    rule: vpcLinkCreateFirst,
    cases: [
      {
        name: 'create-before-destroy',
        resources: {
          'aws_api_gateway_vpc_link.shared': { name: 'dev-shared', target_arns: ['${aws_lb.shared.arn}'], lifecycle: { create_before_destroy: true } },
        },
        expect: 'compliant',
      },
      {
        name: 'the default (delete first)',
        resources: { 'aws_api_gateway_vpc_link.shared': { name: 'dev-shared', target_arns: ['${aws_lb.shared.arn}'] } },
        expect: { nonCompliant: /^lifecycle\.create_before_destroy is unset$/ },
      },
    ],
  },
];
