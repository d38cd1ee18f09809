/**
 * Resource types whose destruction or replacement breaks traffic for other teams or loses state.
 * This is the one list the destroy guard reads (tools/plan-report/destroy-guard.ts); a plan that deletes
 * or replaces one of these fails the merge request unless the address is allowed explicitly
 * (UAG_ALLOW_DESTROY, see docs/ci.md). The value says why, and is printed next to the finding.
 */
export const PROTECTED_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  // Transit Gateway and its attachments: every backend and consumer path crosses them.
  aws_ec2_transit_gateway: 'Transit Gateway: every backend path crosses it',
  aws_ec2_transit_gateway_vpc_attachment: 'Transit Gateway attachment: cuts a VPC off the hub',
  aws_ec2_transit_gateway_vpc_attachment_accepter: 'Transit Gateway attachment: cuts a VPC off the hub',
  aws_ec2_transit_gateway_peering_attachment: 'Transit Gateway attachment: cuts a peered hub off',
  aws_ec2_transit_gateway_peering_attachment_accepter: 'Transit Gateway attachment: cuts a peered hub off',
  aws_ec2_transit_gateway_route_table: 'Transit Gateway route table: removes a segment',
  aws_ec2_transit_gateway_route_table_association: 'Transit Gateway association: detaches a segment',
  aws_ec2_transit_gateway_route_table_propagation: 'Transit Gateway propagation: withdraws routes',
  // VPC links and the load balancers behind them: every API integration targets one.
  aws_api_gateway_vpc_link:
    'VPC link: every integration of the backend fails, and a replaced link cannot be deleted while api-* stacks use it; follow docs/operations.md "Replacing a VPC link"',
  aws_apigatewayv2_vpc_link: 'VPC link: every integration of the backend fails',
  aws_lb: 'load balancer behind a VPC link: integrations fail and addresses change',
  // Domain names: clients and consumer accounts resolve and associate them.
  aws_api_gateway_domain_name: 'custom domain name: clients lose the hostname and its certificate binding',
  aws_apigatewayv2_domain_name: 'custom domain name: clients lose the hostname and its certificate binding',
  aws_api_gateway_domain_name_access_association: 'private domain association: a consumer VPC loses access',
  aws_api_gateway_rest_api: 'REST API: its id, stages and mappings go with it',
  aws_cloudfront_distribution: 'CloudFront distribution: the public hostname target changes',
  aws_route53_zone: 'hosted zone: delegation and every record go with it',
  aws_vpc_endpoint: 'VPC endpoint: consumers lose their private path to execute-api',
  aws_vpc: 'VPC: everything inside it goes with it',
  // Edge protection: a gap means unprotected traffic.
  aws_wafv2_web_acl: 'web ACL: traffic is unfiltered until it is back',
  aws_wafv2_web_acl_association: 'web ACL association: traffic is unfiltered until it is back',
  aws_shield_protection: 'Shield Advanced protection: DDoS response and cost protection lapse',
  aws_shield_subscription: 'Shield Advanced subscription: organization-wide protection lapses',
  // Organization-wide sharing and policies.
  aws_ram_resource_share: 'RAM share: other accounts lose the shared TGW or domain',
  aws_ram_resource_association: 'RAM share association: other accounts lose the shared resource',
  aws_ram_principal_association: 'RAM principal association: an account loses the shared resource',
  aws_ram_resource_share_accepter: 'RAM share accepter: this account loses the shared resource',
  aws_fms_policy: 'Firewall Manager policy: organization-wide protection is removed from every account',
  aws_fms_admin_account: 'Firewall Manager administrator: every FMS policy goes with it',
  // State-bearing resources: what they hold cannot be recreated.
  aws_cloudwatch_log_group: 'log group: access and audit logs are deleted',
  aws_s3_bucket: 'S3 bucket: its objects are deleted',
  aws_dynamodb_table: 'DynamoDB table: its items are deleted',
  aws_kms_key: 'KMS key: data encrypted with it becomes unreadable',
  aws_secretsmanager_secret: 'secret: its value is lost',
  aws_kinesis_firehose_delivery_stream: 'delivery stream: WAF logs in flight are lost',
};

/** Why the type is protected, or undefined when it is not. */
export function protectionReason(resourceType: string): string | undefined {
  return Object.hasOwn(PROTECTED_RESOURCE_TYPES, resourceType) ? PROTECTED_RESOURCE_TYPES[resourceType] : undefined;
}
