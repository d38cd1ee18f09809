import { FmsPolicy } from '@cdktf/provider-aws/lib/fms-policy';
import type { TerraformProvider } from 'cdktf';
import type { Construct } from 'constructs';
import type { FmsScopeMaps } from '../../lib/config/views/fms-scope';
import {
  stableJson,
  type SecurityGroupsContentAuditManagedServiceData,
  type ShieldAdvancedManagedServiceData,
  type WafV2ManagedServiceData,
} from './fms-managed-service-data';

export interface OrganizationPolicyProps {
  /** Policy name, from lib/naming.ts. */
  readonly name: string;
  readonly description: string;
  /** CloudFormation resource types in scope; one is written as `resource_type`, several as `resource_type_list`. */
  readonly resourceTypes: readonly string[];
  /** Accounts and OUs in scope. */
  readonly scope: FmsScopeMaps;
  /** Let Firewall Manager fix non-compliant resources (associate, protect, remove rules). */
  readonly remediation: boolean;
  /** Whether Firewall Manager removes what it created in a resource that leaves scope; each policy says why. */
  readonly deleteUnusedFmManagedResources: boolean;
  /** What the policy enforces; its `type` is the policy type. */
  readonly serviceData: WafV2ManagedServiceData | ShieldAdvancedManagedServiceData | SecurityGroupsContentAuditManagedServiceData;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * The skeleton every Firewall Manager policy of the landing zone shares: construct id `Resource` under its owner,
 * resource tags not used for exclusion, and deleting the policy removes what it created (web ACLs, audit findings)
 * rather than leaving them associated and unmanaged.
 */
export function organizationPolicy(owner: Construct, props: OrganizationPolicyProps): FmsPolicy {
  const { resourceTypes } = props;
  return new FmsPolicy(owner, 'Resource', {
    provider: props.provider,
    name: props.name,
    description: props.description,
    ...(resourceTypes.length === 1 ? { resourceType: resourceTypes[0] } : { resourceTypeList: [...resourceTypes] }),
    ...props.scope,
    excludeResourceTags: false,
    remediationEnabled: props.remediation,
    deleteUnusedFmManagedResources: props.deleteUnusedFmManagedResources,
    deleteAllPolicyResources: true,
    securityServicePolicyData: { type: props.serviceData.type, managedServiceData: stableJson(props.serviceData) },
  });
}
