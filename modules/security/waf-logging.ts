import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import type { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclLoggingConfiguration } from '@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { wafLogDestinationKey } from './waf-log-destination';
import { LOGS_KEY_ACTIONS } from './log-encryption-key';

/** Headers never written to WAF logs: bearer tokens and session cookies would be replayable by anyone with log access. */
export const ALWAYS_REDACTED_HEADERS = ['authorization', 'cookie'] as const;

export interface WafLoggingProps {
  /** The web ACL whose requests are logged. */
  readonly webAcl: Wafv2WebAcl;
  /** Log group name; must start with `aws-waf-logs-` (lib/naming.ts wafLogDestinationName). */
  readonly logGroupName: string;
  /** How long the logs are kept. */
  readonly retentionDays: number;
  /** Account of the web ACL and the log group. */
  readonly accountId: string;
  /** Region of the web ACL; a CLOUDFRONT web ACL logs to us-east-1. */
  readonly region: string;
  /** Headers redacted in addition to authorization and cookie, e.g. a secret origin-verification header.
   * @default - none */
  readonly extraRedactedHeaders?: readonly string[];
  /** Provider of `region`.
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * Full WAF request logs in a KMS-encrypted CloudWatch Logs group, delivered by the log delivery service
 * under a resource policy pinned to this account (WAF would otherwise add its own, without conditions).
 */
export class WafLogging extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly configuration: Wafv2WebAclLoggingConfiguration;

  constructor(scope: Construct, id: string, props: WafLoggingProps) {
    super(scope, id);
    const { provider, accountId, region } = props;
    const partition = new DataAwsPartition(this, 'Partition', { provider });
    const logGroupArn = `arn:${partition.partition}:logs:${region}:${accountId}:log-group:${props.logGroupName}`;

    const key = wafLogDestinationKey(this, {
      destinationName: props.logGroupName,
      kind: 'log group',
      accountId,
      provider,
      serviceUse: {
        servicePrincipal: `logs.${region}.${partition.dnsSuffix}`,
        actions: [...LOGS_KEY_ACTIONS],
        conditions: [{ test: 'ArnEquals', variable: 'kms:EncryptionContext:aws:logs:arn', values: [logGroupArn] }],
      },
    });
    this.logGroup = new CloudwatchLogGroup(this, 'Resource', {
      provider,
      name: props.logGroupName,
      retentionInDays: props.retentionDays,
      kmsKeyId: key.arn,
    });

    const delivery = new DataAwsIamPolicyDocument(this, 'DeliveryPolicy', {
      provider,
      statement: [
        {
          sid: 'WafLogDelivery',
          principals: [{ type: 'Service', identifiers: ['delivery.logs.amazonaws.com'] }],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [`${logGroupArn}:*`],
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [`arn:${partition.partition}:logs:${region}:${accountId}:*`] },
          ],
        },
      ],
    });
    const resourcePolicy = new CloudwatchLogResourcePolicy(this, 'DeliveryResourcePolicy', {
      provider,
      policyName: `${props.logGroupName}-delivery`,
      policyDocument: delivery.json,
    });

    const redacted = [...ALWAYS_REDACTED_HEADERS, ...(props.extraRedactedHeaders ?? [])];
    this.configuration = new Wafv2WebAclLoggingConfiguration(this, 'Configuration', {
      provider,
      resourceArn: props.webAcl.arn,
      logDestinationConfigs: [this.logGroup.arn],
      redactedFields: redacted.map((name) => ({ singleHeader: { name } })),
      dependsOn: [resourcePolicy],
    });
  }
}
