import { changeKind, isChange, type ChangeKind } from '../plan-report/change-kind';
import type { ResourceChange, StackPlan } from '../plan-report/plan-file';
import { isRecord } from '../../lib/records';

/** A planned change drift detection does not report, and why. */
export interface IgnoredChange {
  readonly address: string;
  readonly reason: string;
}

export interface DriftAssessment {
  readonly stack: string;
  /** Changes an engineer must look at. */
  readonly changes: readonly { readonly address: string; readonly kind: ChangeKind }[];
  /** Known noise, listed in the issue for transparency but not counted. */
  readonly ignored: readonly IgnoredChange[];
  /** What Terraform saw changed outside Terraform (`resource_drift`), for context. */
  readonly drifted: readonly string[];
}

/**
 * Known noise: changes Terraform plans on every run although nobody changed anything.
 *  - Shield Advanced automatic application-layer DDoS mitigation adds a rule group named
 *    `ShieldMitigationRuleGroup_<account>_<web ACL id>_<uuid>` to protected web ACLs; Terraform then
 *    plans to remove it. The web ACL must not fight Shield, so a diff made only of such rules is ignored.
 *  - Firewall Manager returns `managed_service_data` (a JSON string) with its keys in another order than
 *    written; a diff that disappears once the JSON is compared by value is ignored.
 */
const NOISE: readonly { readonly reason: string; readonly applies: (change: ResourceChange) => boolean }[] = [
  {
    reason: 'Shield Advanced automatic mitigation rule (ShieldMitigationRuleGroup_*) managed by AWS Shield',
    applies: (change) =>
      change.type === 'aws_wafv2_web_acl' &&
      changeKind(change) === 'update' &&
      sameValue(withoutShieldRules(change.change.before), withoutShieldRules(change.change.after)),
  },
  {
    reason: 'Firewall Manager managed_service_data differs only in key order',
    applies: (change) =>
      change.type === 'aws_fms_policy' &&
      changeKind(change) === 'update' &&
      sameValue(parsedServiceData(change.change.before), parsedServiceData(change.change.after)),
  },
];

/** Separates real drift from known noise in a `plan -detailed-exitcode` plan of one stack. */
export function assessDrift(plan: StackPlan): DriftAssessment {
  const changes: { address: string; kind: ChangeKind }[] = [];
  const ignored: IgnoredChange[] = [];
  for (const change of plan.resourceChanges) {
    const kind = changeKind(change);
    if (!isChange(kind)) continue;
    const noise = NOISE.find((rule) => rule.applies(change));
    if (noise) ignored.push({ address: change.address, reason: noise.reason });
    else changes.push({ address: change.address, kind });
  }
  return { stack: plan.stack, changes, ignored, drifted: plan.resourceDrift.map((change) => change.address) };
}

function withoutShieldRules(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value.rule)) return value;
  return {
    ...value,
    rule: value.rule.filter((rule: unknown) => !(isRecord(rule) && typeof rule.name === 'string' && rule.name.startsWith('ShieldMitigationRuleGroup'))),
  };
}

function parsedServiceData(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value.security_service_policy_data)) return value;
  return {
    ...value,
    security_service_policy_data: value.security_service_policy_data.map((entry: unknown) => {
      if (!isRecord(entry) || typeof entry.managed_service_data !== 'string') return entry;
      try {
        return { ...entry, managed_service_data: JSON.parse(entry.managed_service_data) as unknown };
      } catch {
        return entry;
      }
    }),
  };
}

/** Deep equality where object key order does not matter and array order does. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  return a === b;
}
