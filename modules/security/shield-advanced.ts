import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { ShieldDrtAccessLogBucketAssociation } from '@cdktf/provider-aws/lib/shield-drt-access-log-bucket-association';
import { ShieldDrtAccessRoleArnAssociation } from '@cdktf/provider-aws/lib/shield-drt-access-role-arn-association';
import { ShieldProactiveEngagement } from '@cdktf/provider-aws/lib/shield-proactive-engagement';
import { ShieldProtectionGroup } from '@cdktf/provider-aws/lib/shield-protection-group';
import { ShieldSubscription } from '@cdktf/provider-aws/lib/shield-subscription';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { Shield } from '../../lib/config/schema/security';
import { resourceName } from '../../lib/naming';
import type { AlarmTopic } from '../observability/alarm-topic';
import { ShieldProtectedResource } from './shield-protected-resource';

export interface ShieldAdvancedProps {
  /** Environment name; prefixes every resource name. */
  readonly environmentName: string;
  /** The environment's `shield` settings; nothing is created when `enabled` is false. */
  readonly shield: Shield;
  /** The us-east-1 provider: Shield's API and the metrics of global resources live there. */
  readonly provider: TerraformProvider;
  /** us-east-1 alarm topic for DDoSDetected alarms. */
  readonly alarmTopic: AlarmTopic;
}

export interface DistributionProtection {
  /** Names the protection and its alarms, e.g. `api`. */
  readonly name: string;
  readonly distributionArn: string;
  readonly distributionId: string;
}

export interface HostedZoneProtection {
  /** Names the protection and its alarm, e.g. `public-zone`. */
  readonly name: string;
  /** `arn:<partition>:route53:::hostedzone/<id>`. */
  readonly hostedZoneArn: string;
}

/**
 * Shield Advanced for the gateway account: the (optional) subscription, an environment protection group,
 * the Shield Response Team's access role, proactive engagement, and per protected resource a protection,
 * a DDoSDetected alarm and, for CloudFront, health-based detection and automatic L7 mitigation.
 * When Shield is disabled the construct creates nothing and protect* calls are no-ops, so callers
 * register their resources unconditionally.
 */
export class ShieldAdvanced extends Construct {
  readonly enabled: boolean;
  readonly subscription?: ShieldSubscription;
  readonly protectionGroup?: ShieldProtectionGroup;
  readonly srtRole?: IamRole;
  private readonly props: ShieldAdvancedProps;
  private readonly ordering: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ShieldAdvancedProps) {
    super(scope, id);
    this.props = props;
    const { shield, provider, environmentName } = props;
    this.enabled = shield.enabled;
    this.ordering = [];
    if (!shield.enabled) return;

    if (shield.subscription.create) {
      this.subscription = new ShieldSubscription(this, 'Subscription', {
        provider,
        autoRenew: shield.subscription.autoRenew ? 'ENABLED' : 'DISABLED',
        // AWS offers no API to end a subscription; destroying only forgets it (the commitment runs its term).
        skipDestroy: true,
      });
      this.ordering.push(this.subscription);
    }
    // Every Shield resource waits for the subscription when this stack creates it.
    const dependsOn = this.ordering.length > 0 ? [...this.ordering] : undefined;

    // Pattern ALL: every protection of the gateway account, i.e. this environment's. MAX suits resources that
    // do not share traffic evenly, such as a distribution and a hosted zone (AWS guidance for CloudFront).
    this.protectionGroup = new ShieldProtectionGroup(this, 'ProtectionGroup', {
      provider,
      protectionGroupId: resourceName(environmentName, 'gateway'),
      pattern: 'ALL',
      aggregation: 'MAX',
      dependsOn,
    });

    const srtAccess = shield.srtAccess.enabled ? this.grantSrtAccess(dependsOn) : undefined;
    this.srtRole = srtAccess?.role;
    const roleAssociation = srtAccess?.association;
    if (shield.proactiveEngagement.enabled) {
      new ShieldProactiveEngagement(this, 'ProactiveEngagement', {
        provider,
        enabled: true,
        emergencyContact: shield.proactiveEngagement.contacts.map((contact) => ({
          emailAddress: contact.email,
          phoneNumber: contact.phone,
          contactNotes: contact.notes,
        })),
        dependsOn: roleAssociation ? [roleAssociation] : dependsOn,
      });
    }
  }

  /** Protects the gateway's CloudFront distribution: health check, automatic L7 response, DDoS alarm. */
  protectDistribution(id: string, distribution: DistributionProtection): ShieldProtectedResource | undefined {
    if (!this.enabled) return undefined;
    const { shield } = this.props;
    return new ShieldProtectedResource(this, id, {
      name: resourceName(this.props.environmentName, distribution.name),
      resourceArn: distribution.distributionArn,
      health: { distributionId: distribution.distributionId, ...shield.healthCheck },
      applicationLayerResponse: shield.applicationLayerResponse,
      alarmTopic: this.props.alarmTopic,
      provider: this.props.provider,
      dependsOn: this.ordering.length > 0 ? this.ordering : undefined,
    });
  }

  /** Protects a public hosted zone (Shield supports no health-based detection for zones). */
  protectHostedZone(id: string, zone: HostedZoneProtection): ShieldProtectedResource | undefined {
    if (!this.enabled) return undefined;
    return new ShieldProtectedResource(this, id, {
      name: resourceName(this.props.environmentName, zone.name),
      resourceArn: zone.hostedZoneArn,
      alarmTopic: this.props.alarmTopic,
      provider: this.props.provider,
      dependsOn: this.ordering.length > 0 ? this.ordering : undefined,
    });
  }

  private grantSrtAccess(dependsOn: ITerraformDependable[] | undefined): { role: IamRole; association: ShieldDrtAccessRoleArnAssociation } {
    const { provider, environmentName, shield } = this.props;
    const partition = new DataAwsPartition(this, 'Partition', { provider });
    const trust = new DataAwsIamPolicyDocument(this, 'SrtTrustPolicy', {
      provider,
      statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['drt.shield.amazonaws.com'] }] }],
    });
    const role = new IamRole(this, 'SrtAccessRole', {
      provider,
      name: resourceName(environmentName, 'shield-srt-access'),
      description: 'Lets the Shield Response Team inspect and update WAF during a DDoS event',
      assumeRolePolicy: trust.json,
    });
    const attachment = new IamRolePolicyAttachment(this, 'SrtAccessPolicy', {
      provider,
      role: role.name,
      policyArn: `arn:${partition.partition}:iam::aws:policy/service-role/AWSShieldDRTAccessPolicy`,
    });
    const association = new ShieldDrtAccessRoleArnAssociation(this, 'SrtAccess', {
      provider,
      roleArn: role.arn,
      dependsOn: [...(dependsOn ?? []), attachment],
    });
    shield.srtAccess.logBuckets.forEach((bucket, index) => {
      new ShieldDrtAccessLogBucketAssociation(this, `SrtLogBucket${index}`, { provider, logBucket: bucket, roleArnAssociationId: association.id });
    });
    return { role, association };
  }
}
