import type { Construct } from 'constructs';
import type { Environment } from '../lib/config/schema/environment';
import { wafLogDestinationName } from '../lib/naming';
import { FmsSecurityGroupAuditPolicy } from '../modules/security/fms-security-group-audit-policy';
import { fmsScopeMaps } from '../lib/config/views/fms-scope';
import { FmsShieldPolicy } from '../modules/security/fms-shield-policy';
import { FmsWafPolicy } from '../modules/security/fms-waf-policy';
import { WafLogBucket } from '../modules/security/waf-log-bucket';
import { LandingZoneStack } from './base-stack';

export interface SecurityStackProps {
  readonly environment: Environment;
}

/**
 * `<env>-security` in the Firewall Manager administrator account: organization-wide WAF, Shield and SG
 * policies for this environment's accounts, and the central WAF log buckets (home region and us-east-1).
 */
export class SecurityStack extends LandingZoneStack {
  readonly policies: readonly (FmsWafPolicy | FmsShieldPolicy | FmsSecurityGroupAuditPolicy)[];

  constructor(scope: Construct, props: SecurityStackProps) {
    super(scope, { environment: props.environment, kind: 'security', accountAlias: props.environment.roles.security });
    const { environment } = props;
    const firewallManager = environment.firewallManager;
    if (!firewallManager) {
      this.policies = [];
      return;
    }
    const scopeOf = (own: typeof firewallManager.scope | undefined) => fmsScopeMaps(environment, own ?? firewallManager.scope);
    const remediation = firewallManager.remediation;
    const policies: (FmsWafPolicy | FmsShieldPolicy | FmsSecurityGroupAuditPolicy)[] = [];

    const { waf } = firewallManager;
    if (waf.enabled) {
      const logBucket = (id: string, region: string, provider = this.provider) =>
        waf.logging
          ? new WafLogBucket(this, id, {
              bucketName: wafLogDestinationName(environment.name, this.accountId, region),
              accountId: this.accountId,
              organizationId: environment.organization!.id,
              retentionDays: environment.waf.logging.retentionDays,
              provider,
            }).arn
          : undefined;
      const common = { environmentName: environment.name, settings: waf, remediation, scope: scopeOf(waf.scope) };
      policies.push(
        new FmsWafPolicy(this, 'WafRegionalPolicy', {
          ...common,
          target: 'regional',
          logBucketArn: logBucket('WafLogBucket', environment.region),
          provider: this.provider,
        }),
        // CloudFront web ACLs are global: their policy, rule group and log destination live in us-east-1.
        new FmsWafPolicy(this, 'WafCloudFrontPolicy', {
          ...common,
          target: 'cloudfront',
          logBucketArn: logBucket('WafLogBucketUsEast1', 'us-east-1', this.usEast1),
          provider: this.usEast1,
        }),
      );
    }
    if (firewallManager.shieldAdvanced.enabled) {
      policies.push(
        new FmsShieldPolicy(this, 'ShieldPolicy', {
          environmentName: environment.name,
          settings: firewallManager.shieldAdvanced,
          remediation,
          scope: scopeOf(firewallManager.shieldAdvanced.scope),
          provider: this.usEast1,
        }),
      );
    }
    if (firewallManager.securityGroupAudit.enabled) {
      policies.push(
        new FmsSecurityGroupAuditPolicy(this, 'SecurityGroupAuditPolicy', {
          environmentName: environment.name,
          referenceVpcId: firewallManager.securityGroupAudit.referenceVpcId,
          remediation,
          scope: scopeOf(firewallManager.securityGroupAudit.scope),
          provider: this.provider,
        }),
      );
    }
    this.policies = policies;
  }
}
