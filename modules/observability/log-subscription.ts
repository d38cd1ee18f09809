import { CloudwatchLogSubscriptionFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-subscription-filter';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { partitionOf } from '../../lib/config/aws-regions';
import { resourceName } from '../../lib/naming';

export interface LogDeliveryRoleProps {
  readonly environment: string;
  readonly region: string;
  readonly accountId: string;
  /** Firehose delivery stream of the SIEM, in the same account. */
  readonly destinationArn: string;
}

/** The role CloudWatch Logs assumes to put subscribed log events into the SIEM's Firehose stream, and nothing else. */
export class LogDeliveryRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: LogDeliveryRoleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, 'Trust', {
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: [`logs.${props.region}.amazonaws.com`] }],
          // CloudWatch Logs' documented confused-deputy guard for subscription roles: log groups of this account and region.
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [`arn:${partitionOf(props.region)}:logs:${props.region}:${props.accountId}:*`] },
          ],
        },
      ],
    });
    this.role = new IamRole(this, 'Resource', { name: resourceName(props.environment, 'siem-log-delivery'), assumeRolePolicy: trust.json });
    const put = new DataAwsIamPolicyDocument(this, 'Policy', {
      statement: [{ actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: [props.destinationArn] }],
    });
    new IamRolePolicy(this, 'RolePolicy', { role: this.role.id, name: 'put-log-events', policy: put.json });
  }
}

export interface LogSubscriptionProps {
  readonly logGroupName: string;
  readonly destinationArn: string;
  /** ARN of the LogDeliveryRole. */
  readonly roleArn: string;
}

/** Every event of one log group (access or authorizer logs) to the SIEM. */
export class LogSubscription extends Construct {
  constructor(scope: Construct, id: string, props: LogSubscriptionProps) {
    super(scope, id);
    new CloudwatchLogSubscriptionFilter(this, 'Resource', {
      name: 'siem',
      logGroupName: props.logGroupName,
      filterPattern: '',
      destinationArn: props.destinationArn,
      roleArn: props.roleArn,
    });
  }
}
