import { deletionProtectionInProduction } from '../../../../lib/guardrails/rules/load-balancing/deletion-protection-in-production';
import { loadBalancerInternal } from '../../../../lib/guardrails/rules/load-balancing/internal';
import { listenerTlsPolicy } from '../../../../lib/guardrails/rules/load-balancing/listener-tls-policy';
import { flowLogAllTraffic } from '../../../../lib/guardrails/rules/network/flow-log-all-traffic';
import { noOpenIngress } from '../../../../lib/guardrails/rules/network/no-open-ingress';
import { tgwAutoAccept } from '../../../../lib/guardrails/rules/network/tgw-auto-accept';
import { tgwDefaultAssociation } from '../../../../lib/guardrails/rules/network/tgw-default-association';
import { tgwDefaultPropagation } from '../../../../lib/guardrails/rules/network/tgw-default-propagation';
import { tgwFlowLogs } from '../../../../lib/guardrails/rules/network/tgw-flow-logs';
import { vpcFlowLogs } from '../../../../lib/guardrails/rules/network/vpc-flow-logs';
import type { RuleCases } from '../support';

const tgw = {
  amazon_side_asn: 64514,
  auto_accept_shared_attachments: 'disable',
  default_route_table_association: 'disable',
  default_route_table_propagation: 'disable',
  dns_support: 'enable',
};
const tgwFlowLog = {
  transit_gateway_id: '${aws_ec2_transit_gateway.hub.id}',
  log_destination_type: 'cloud-watch-logs',
  log_destination: '${aws_cloudwatch_log_group.tgw.arn}',
};
const vpcFlowLog = {
  vpc_id: '${aws_vpc.gateway.id}',
  traffic_type: 'ALL',
  log_destination: '${aws_cloudwatch_log_group.vpc.arn}',
  iam_role_arn: '${aws_iam_role.flow.arn}',
};
const nlb = { name: 'dev-payments', load_balancer_type: 'network', internal: true, enable_deletion_protection: true, subnets: ['${aws_subnet.a.id}'] };
const openGroup = { ingress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }] };
const auditPolicy = (action: string) => ({
  resource_type: 'AWS::EC2::SecurityGroup',
  security_service_policy_data: {
    type: 'SECURITY_GROUPS_CONTENT_AUDIT',
    managed_service_data: JSON.stringify({
      type: 'SECURITY_GROUPS_CONTENT_AUDIT',
      securityGroupAction: { type: action },
      securityGroups: [{ id: '${aws_security_group.forbidden.id}' }],
    }),
  },
});
const listener = {
  load_balancer_arn: '${aws_lb.payments.arn}',
  port: 443,
  protocol: 'TLS',
  ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  certificate_arn: '${aws_acm_certificate.nlb.arn}',
};

export const NETWORK_CASES: RuleCases[] = [
  {
    rule: tgwAutoAccept,
    cases: [
      { name: 'auto-accept disabled', resources: { 'aws_ec2_transit_gateway.hub': tgw }, expect: 'compliant' },
      {
        name: 'auto-accept enabled',
        resources: { 'aws_ec2_transit_gateway.hub': { ...tgw, auto_accept_shared_attachments: 'enable' } },
        expect: { nonCompliant: 'auto_accept_shared_attachments is "enable"' },
      },
    ],
  },
  {
    rule: tgwDefaultAssociation,
    cases: [
      { name: 'default association disabled', resources: { 'aws_ec2_transit_gateway.hub': tgw }, expect: 'compliant' },
      {
        name: 'left to the default (enable)',
        resources: { 'aws_ec2_transit_gateway.hub': { ...tgw, default_route_table_association: undefined } },
        expect: { nonCompliant: 'default_route_table_association is unset' },
      },
    ],
  },
  {
    rule: tgwDefaultPropagation,
    cases: [
      { name: 'default propagation disabled', resources: { 'aws_ec2_transit_gateway.hub': tgw }, expect: 'compliant' },
      {
        name: 'default propagation enabled',
        resources: { 'aws_ec2_transit_gateway.hub': { ...tgw, default_route_table_propagation: 'enable' } },
        expect: { nonCompliant: 'default_route_table_propagation is "enable"' },
      },
    ],
  },
  {
    rule: vpcFlowLogs,
    cases: [
      {
        name: 'flow log refers to the VPC',
        resources: { 'aws_vpc.gateway': { cidr_block: '10.100.0.0/20' }, 'aws_flow_log.gateway': vpcFlowLog },
        expect: 'compliant',
      },
      {
        name: 'no flow log',
        resources: { 'aws_vpc.gateway': { cidr_block: '10.100.0.0/20' } },
        expect: { nonCompliant: 'no aws_flow_log refers to this VPC' },
      },
      {
        name: 'flow log of a similarly named VPC',
        resources: { 'aws_vpc.gateway': { cidr_block: '10.100.0.0/20' }, 'aws_flow_log.other': { ...vpcFlowLog, vpc_id: '${aws_vpc.gateway2.id}' } },
        expect: { nonCompliant: 'no aws_flow_log' },
      },
    ],
  },
  {
    rule: tgwFlowLogs,
    cases: [
      { name: 'flow log refers to the TGW', resources: { 'aws_ec2_transit_gateway.hub': tgw, 'aws_flow_log.tgw': tgwFlowLog }, expect: 'compliant' },
      {
        name: 'no TGW flow log',
        resources: { 'aws_ec2_transit_gateway.hub': tgw },
        expect: { nonCompliant: 'no aws_flow_log refers to this Transit Gateway' },
      },
    ],
  },
  {
    rule: flowLogAllTraffic,
    cases: [
      { name: 'VPC flow log with ALL', resources: { 'aws_flow_log.gateway': vpcFlowLog }, expect: 'compliant' },
      { name: 'TGW flow log (no traffic type)', resources: { 'aws_flow_log.tgw': tgwFlowLog }, expect: 'not-applicable' },
      {
        name: 'REJECT only',
        resources: { 'aws_flow_log.gateway': { ...vpcFlowLog, traffic_type: 'REJECT' } },
        expect: { nonCompliant: 'traffic_type is "REJECT"' },
      },
    ],
  },
  {
    rule: noOpenIngress,
    cases: [
      {
        name: 'security group admitting the gateway VPC',
        resources: { 'aws_security_group.nlb': { ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.100.0.0/20'] }] } },
        expect: 'compliant',
      },
      {
        name: 'egress to anywhere is fine',
        resources: { 'aws_security_group_rule.egress': { type: 'egress', cidr_blocks: ['0.0.0.0/0'] } },
        expect: 'compliant',
      },
      {
        name: 'inline ingress from 0.0.0.0/0',
        resources: { 'aws_security_group.nlb': { ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } },
        expect: { nonCompliant: 'ingress from 0.0.0.0/0' },
      },
      {
        name: 'rule resource from ::/0',
        resources: { 'aws_security_group_rule.https': { type: 'ingress', ipv6_cidr_blocks: ['::/0'] } },
        expect: { nonCompliant: 'ingress from ::/0' },
      },
      {
        name: 'VPC ingress rule from 0.0.0.0/0',
        resources: { 'aws_vpc_security_group_ingress_rule.https': { cidr_ipv4: '0.0.0.0/0', ip_protocol: 'tcp' } },
        expect: { nonCompliant: 'ingress from 0.0.0.0/0' },
      },
      {
        name: 'reference group of a Firewall Manager content audit in DENY mode',
        resources: { 'aws_security_group.forbidden': openGroup, 'aws_fms_policy.audit': auditPolicy('DENY') },
        expect: 'not-applicable',
      },
      {
        name: 'reference group of a Firewall Manager content audit in ALLOW mode (it would permit open ingress everywhere)',
        resources: { 'aws_security_group.forbidden': openGroup, 'aws_fms_policy.audit': auditPolicy('ALLOW') },
        expect: { nonCompliant: 'ingress from 0.0.0.0/0' },
      },
      {
        name: 'rule resource attached to a DENY reference group',
        resources: {
          'aws_vpc_security_group_ingress_rule.any': { security_group_id: '${aws_security_group.forbidden.id}', cidr_ipv6: '::/0' },
          'aws_fms_policy.audit': auditPolicy('DENY'),
        },
        expect: 'not-applicable',
      },
    ],
  },
  {
    rule: loadBalancerInternal,
    cases: [
      { name: 'internal NLB', resources: { 'aws_lb.payments': nlb }, expect: 'compliant' },
      { name: 'internet-facing NLB', resources: { 'aws_lb.payments': { ...nlb, internal: false } }, expect: { nonCompliant: 'internal is false' } },
      {
        name: 'internal unset (internet-facing by default)',
        resources: { 'aws_lb.payments': { ...nlb, internal: undefined } },
        expect: { nonCompliant: 'internal is unset' },
      },
    ],
  },
  {
    rule: deletionProtectionInProduction,
    cases: [
      { name: 'prod with deletion protection', resources: { 'aws_lb.payments': nlb }, context: { production: true }, expect: 'compliant' },
      { name: 'dev without deletion protection', resources: { 'aws_lb.payments': { ...nlb, enable_deletion_protection: false } }, expect: 'not-applicable' },
      {
        name: 'prod without deletion protection',
        resources: { 'aws_lb.payments': { ...nlb, enable_deletion_protection: undefined } },
        context: { production: true },
        expect: { nonCompliant: 'enable_deletion_protection is unset' },
      },
    ],
  },
  {
    rule: listenerTlsPolicy,
    cases: [
      { name: 'TLS listener with TLS13-1-2', resources: { 'aws_lb_listener.payments': listener }, expect: 'compliant' },
      {
        name: 'TLS listener with FS-1-2-Res',
        resources: { 'aws_lb_listener.payments': { ...listener, ssl_policy: 'ELBSecurityPolicy-FS-1-2-Res-2020-10' } },
        expect: 'compliant',
      },
      { name: 'TCP listener', resources: { 'aws_lb_listener.payments': { ...listener, protocol: 'TCP', ssl_policy: undefined } }, expect: 'not-applicable' },
      {
        name: 'TLS listener with the 2016 default',
        resources: { 'aws_lb_listener.payments': { ...listener, ssl_policy: 'ELBSecurityPolicy-2016-08' } },
        expect: { nonCompliant: 'ssl_policy is "ELBSecurityPolicy-2016-08"' },
      },
      {
        name: 'TLS listener with TLS13-1-1 (allows TLS 1.1)',
        resources: { 'aws_lb_listener.payments': { ...listener, ssl_policy: 'ELBSecurityPolicy-TLS13-1-1-2021-06' } },
        expect: { nonCompliant: 'TLS13-1-1' },
      },
      {
        name: 'TLS listener without ssl_policy',
        resources: { 'aws_lb_listener.payments': { ...listener, ssl_policy: undefined } },
        expect: { nonCompliant: 'ssl_policy is unset' },
      },
    ],
  },
];
