import type { FirewallManager } from '../../lib/config/schema/security';
import { ALWAYS_REDACTED_HEADERS } from './waf-logging';

/**
 * `managed_service_data` of Firewall Manager policies, in the format of the FMS API reference
 * (SecurityServicePolicyData.ManagedServiceData, examples for WAFV2, SHIELD_ADVANCED and
 * SECURITY_GROUPS_CONTENT_AUDIT; see tests/modules/security/fms-documented-format.ts).
 * It is one JSON string attribute: `stableJson` writes object keys in sorted order, so the same policy
 * always renders the same string and plans show no change where there is none. The provider compares it
 * semantically after dropping null and [] fields, so fields are only written when they carry a value.
 */

export interface FmsRuleGroup {
  readonly ruleGroupArn: string | null;
  readonly overrideAction: { readonly type: 'NONE' | 'COUNT' };
  readonly managedRuleGroupIdentifier: {
    readonly versionEnabled?: boolean;
    readonly version: string | null;
    readonly vendorName: 'AWS';
    readonly managedRuleGroupName: string;
  } | null;
  readonly ruleGroupType: 'ManagedRuleGroup' | 'RuleGroup';
  readonly excludeRules: readonly { readonly name: string }[];
  /** Rules of a managed group moved to count mode (FMS supports overrides for managed groups only). */
  readonly ruleActionOverrides?: readonly { readonly name: string; readonly actionToUse: { readonly count: Record<string, never> } }[];
  readonly sampledRequestsEnabled: boolean;
}

export interface WafV2ManagedServiceData {
  readonly type: 'WAFV2';
  readonly preProcessRuleGroups: readonly FmsRuleGroup[];
  readonly postProcessRuleGroups: readonly FmsRuleGroup[];
  readonly defaultAction: { readonly type: 'ALLOW' | 'BLOCK' };
  readonly overrideCustomerWebACLAssociation: boolean;
  readonly loggingConfiguration?: {
    readonly logDestinationConfigs: readonly string[];
    readonly redactedFields: readonly { readonly redactedFieldType: 'SingleHeader'; readonly redactedFieldValue: string }[];
  };
  readonly sampledRequestsEnabledForDefaultActions: boolean;
  readonly optimizeUnassociatedWebACL: boolean;
}

export interface ShieldAdvancedManagedServiceData {
  readonly type: 'SHIELD_ADVANCED';
  readonly automaticResponseConfiguration: {
    readonly automaticResponseStatus: 'ENABLED' | 'IGNORED' | 'DISABLED';
    readonly automaticResponseAction?: 'BLOCK' | 'COUNT';
  };
  readonly overrideCustomerWebaclClassic: boolean;
}

export interface SecurityGroupsContentAuditManagedServiceData {
  readonly type: 'SECURITY_GROUPS_CONTENT_AUDIT';
  readonly securityGroups: readonly { readonly id: string }[];
  readonly securityGroupAction: { readonly type: 'ALLOW' | 'DENY' };
}

/** The security team's baseline: AWS managed groups before the account's own rules, in list order. */
export function preProcessRuleGroups(groups: FirewallManager['waf']['preProcessRuleGroups']): FmsRuleGroup[] {
  return groups.map((group) => ({
    ruleGroupArn: null,
    overrideAction: { type: 'NONE' },
    managedRuleGroupIdentifier: {
      // FMS uses the group's default version unless versionEnabled is true.
      ...(group.version ? { versionEnabled: true } : {}),
      version: group.version ?? null,
      vendorName: 'AWS',
      managedRuleGroupName: group.name,
    },
    ruleGroupType: 'ManagedRuleGroup',
    excludeRules: [],
    ...(group.countRules.length > 0 ? { ruleActionOverrides: group.countRules.map((name) => ({ name, actionToUse: { count: {} } })) } : {}),
    sampledRequestsEnabled: true,
  }));
}

/** A rule group owned by the administrator account, evaluated after the account's own rules. */
export function ownRuleGroup(ruleGroupArn: string): FmsRuleGroup {
  return {
    ruleGroupArn,
    overrideAction: { type: 'NONE' },
    managedRuleGroupIdentifier: null,
    ruleGroupType: 'RuleGroup',
    excludeRules: [],
    sampledRequestsEnabled: true,
  };
}

export interface WafV2PolicyOptions {
  readonly settings: FirewallManager['waf'];
  readonly postProcessRuleGroupArns: readonly string[];
  /** Central log bucket ARN; no logging configuration when absent. */
  readonly logDestinationArn?: string;
}

export function wafV2ManagedServiceData(options: WafV2PolicyOptions): WafV2ManagedServiceData {
  const { settings } = options;
  return {
    type: 'WAFV2',
    preProcessRuleGroups: preProcessRuleGroups(settings.preProcessRuleGroups),
    postProcessRuleGroups: options.postProcessRuleGroupArns.map(ownRuleGroup),
    defaultAction: { type: settings.defaultAction === 'block' ? 'BLOCK' : 'ALLOW' },
    overrideCustomerWebACLAssociation: settings.overrideCustomerWebAclAssociation,
    ...(options.logDestinationArn
      ? {
          loggingConfiguration: {
            logDestinationConfigs: [options.logDestinationArn],
            redactedFields: ALWAYS_REDACTED_HEADERS.map((header) => ({ redactedFieldType: 'SingleHeader' as const, redactedFieldValue: header })),
          },
        }
      : {}),
    sampledRequestsEnabledForDefaultActions: true,
    // Web ACLs are created only where a resource will use them, so accounts without APIs carry no empty ones.
    optimizeUnassociatedWebACL: true,
  };
}

const AUTOMATIC_RESPONSE_STATUS = { ignored: 'IGNORED', disabled: 'DISABLED', count: 'ENABLED', block: 'ENABLED' } as const;

/** CloudFront distributions: automatic application-layer response as configured. */
export function shieldAdvancedManagedServiceData(automaticResponse: FirewallManager['shieldAdvanced']['automaticResponse']): ShieldAdvancedManagedServiceData {
  const status = AUTOMATIC_RESPONSE_STATUS[automaticResponse];
  return {
    type: 'SHIELD_ADVANCED',
    automaticResponseConfiguration: {
      automaticResponseStatus: status,
      // The action is only read (and only valid) when the status is ENABLED.
      ...(status === 'ENABLED' ? { automaticResponseAction: automaticResponse === 'block' ? 'BLOCK' : 'COUNT' } : {}),
    },
    overrideCustomerWebaclClassic: false,
  };
}

/** DENY: in-scope security group rules must not match any rule of the reference security group. */
export function securityGroupsContentAuditManagedServiceData(referenceSecurityGroupId: string): SecurityGroupsContentAuditManagedServiceData {
  return { type: 'SECURITY_GROUPS_CONTENT_AUDIT', securityGroups: [{ id: referenceSecurityGroupId }], securityGroupAction: { type: 'DENY' } };
}

/** JSON with object keys sorted at every level (arrays keep their order: it is evaluation order). */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
