import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { FlowLog as FlowLogResource } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { partitionOf } from '../../lib/config/aws-regions';
import { flowLogGroupName, resourceName } from '../../lib/naming';

export interface FlowLogProps {
  /** Environment name, for resource names. */
  readonly environment: string;
  /** What is logged, e.g. `gateway-vpc`; part of the log group and role names. */
  readonly subject: string;
  /** The VPC or Transit Gateway to log. */
  readonly target: { readonly vpcId: string } | { readonly transitGatewayId: string };
  /** Account owning the target; only its flow logs may use the delivery role (confused-deputy guard). */
  readonly accountId: string;
  /** Region of the target, for the flow-log ARNs the delivery role trusts. */
  readonly region: string;
  /** Log group retention. */
  readonly retentionDays: number;
  /** Customer managed key of the log group (LogEncryptionKey; every log group is CMK-encrypted, UAG-LOG-002). */
  readonly kmsKeyArn: string;
  /** Provider of the account owning the target.
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * Flow logs of a VPC or Transit Gateway into a CloudWatch log group the module owns (retention set, never
 * created implicitly by the service), delivered by a role that may only write to that group.
 */
export class FlowLog extends Construct {
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: FlowLogProps) {
    super(scope, id);
    const { provider } = props;
    this.logGroup = new CloudwatchLogGroup(this, 'LogGroup', {
      provider,
      name: flowLogGroupName(props.environment, props.subject),
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
    });

    const trust = new DataAwsIamPolicyDocument(this, 'Trust', {
      provider,
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }],
          // The VPC user guide's confused-deputy guard: flow logs of this account and region only.
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [`arn:${partitionOf(props.region)}:ec2:${props.region}:${props.accountId}:vpc-flow-log/*`] },
          ],
        },
      ],
    });
    const role = new IamRole(this, 'DeliveryRole', {
      provider,
      name: resourceName(props.environment, props.subject, 'flow-logs'),
      assumeRolePolicy: trust.json,
    });
    const write = new DataAwsIamPolicyDocument(this, 'WritePolicy', {
      provider,
      statement: [
        {
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [`${this.logGroup.arn}:*`],
        },
      ],
    });
    new IamRolePolicy(this, 'DeliveryPolicy', { provider, role: role.id, name: 'write-flow-logs', policy: write.json });

    const isTransitGateway = 'transitGatewayId' in props.target;
    new FlowLogResource(this, 'Resource', {
      provider,
      ...props.target,
      iamRoleArn: role.arn,
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.arn,
      // Transit Gateway flow logs take neither a traffic type nor an interval other than 60 s.
      ...(isTransitGateway ? { maxAggregationInterval: 60 } : { trafficType: 'ALL', maxAggregationInterval: 60 }),
    });
  }
}
