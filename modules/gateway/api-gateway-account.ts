import { ApiGatewayAccount as ApiGatewayAccountSettings } from '@cdktf/provider-aws/lib/api-gateway-account';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { API_LOG_GROUP_PREFIX, resourceName } from '../../lib/naming';

export interface ApiGatewayAccountProps {
  readonly environment: string;
  readonly region: string;
  readonly accountId: string;
}

/** Log groups API Gateway writes to: execution logs (fixed name) and the stages' access logs. */
export const API_LOG_GROUP_PATTERNS = ['API-Gateway-Execution-Logs_*', `${API_LOG_GROUP_PREFIX}*`] as const;

/**
 * The account-wide role API Gateway uses to write execution and access logs, limited to the API log groups
 * instead of the managed AmazonAPIGatewayPushToCloudWatchLogs policy's `Resource: *`.
 */
export class ApiGatewayAccount extends Construct {
  constructor(scope: Construct, id: string, props: ApiGatewayAccountProps) {
    super(scope, id);
    const partition = new DataAwsPartition(this, 'Partition').partition;
    const trust = new DataAwsIamPolicyDocument(this, 'Trust', {
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['apigateway.amazonaws.com'] }],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] }],
        },
      ],
    });
    const role = new IamRole(this, 'CloudWatchRole', { name: resourceName(props.environment, 'apigateway-cloudwatch'), assumeRolePolicy: trust.json });
    const logGroups = API_LOG_GROUP_PATTERNS.map((pattern) => `arn:${partition}:logs:${props.region}:${props.accountId}:log-group:${pattern}`);
    const write = new DataAwsIamPolicyDocument(this, 'WritePolicy', {
      statement: [
        { actions: ['logs:CreateLogGroup', 'logs:DescribeLogStreams'], resources: logGroups },
        { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: logGroups.map((arn) => `${arn}:log-stream:*`) },
        // Describing groups has no resource-level scoping below the account's log groups.
        { actions: ['logs:DescribeLogGroups'], resources: [`arn:${partition}:logs:${props.region}:${props.accountId}:log-group:*`] },
      ],
    });
    const policy = new IamRolePolicy(this, 'CloudWatchPolicy', { role: role.id, name: 'write-api-logs', policy: write.json });
    // API Gateway checks the role's permissions when it is set: without the policy in place first, the first apply
    // races it and fails ("The role ARN does not have required permissions").
    new ApiGatewayAccountSettings(this, 'Resource', { cloudwatchRoleArn: role.arn, dependsOn: [policy] });
  }
}
