import { changeKind, destroysObject, type ChangeKind } from './change-kind';
import type { StackPlan } from './plan-file';
import { protectionReason } from './protected-resources';

/** Environment variable listing the protected destroys a merge request is allowed to make. */
export const ALLOW_DESTROY_VARIABLE = 'UAG_ALLOW_DESTROY';

/** `<stack-id>:<resource address>`, e.g. `dev-gateway:aws_api_gateway_vpc_link.payments`. */
export interface AllowedDestroy {
  readonly stack: string;
  readonly address: string;
}

export interface GuardFinding {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly kind: ChangeKind;
  /** Why the type is protected. */
  readonly reason: string;
  /** Whether UAG_ALLOW_DESTROY lists the address. */
  readonly allowed: boolean;
}

export interface GuardResult {
  /** Every destroy or replace of a protected resource, allowed or not. */
  readonly findings: readonly GuardFinding[];
  /** Allow-list entries that match nothing in these plans (stale or mistyped). */
  readonly unusedAllowances: readonly AllowedDestroy[];
  /** True when a finding is not allowed: the pipeline must fail. */
  readonly blocked: boolean;
}

/** A malformed UAG_ALLOW_DESTROY entry. */
export class AllowListError extends Error {}

/**
 * Parses UAG_ALLOW_DESTROY: entries separated by whitespace or commas, each `<stack-id>:<address>`.
 * Stack-qualified on purpose: the same address exists in every environment, and allowing
 * `aws_ec2_transit_gateway.hub` must not silently allow it in prod too.
 */
export function parseAllowList(text: string | undefined): AllowedDestroy[] {
  if (!text) return [];
  return text
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const colon = entry.indexOf(':');
      if (colon <= 0 || colon === entry.length - 1) {
        throw new AllowListError(
          `${ALLOW_DESTROY_VARIABLE} entry "${entry}" must be <stack-id>:<resource address>, e.g. dev-gateway:aws_api_gateway_vpc_link.payments`,
        );
      }
      return { stack: entry.slice(0, colon), address: entry.slice(colon + 1) };
    });
}

/** Finds every protected resource the plans destroy or replace and decides whether the pipeline may pass. */
export function checkDestroys(plans: readonly StackPlan[], allowList: readonly AllowedDestroy[]): GuardResult {
  const used = new Set<AllowedDestroy>();
  const findings: GuardFinding[] = [];
  for (const plan of plans) {
    for (const change of plan.resourceChanges) {
      const kind = changeKind(change);
      const reason = protectionReason(change.type);
      if (change.mode !== 'managed' || !destroysObject(kind) || reason === undefined) continue;
      const allowance = allowList.find((entry) => entry.stack === plan.stack && entry.address === change.address);
      if (allowance) used.add(allowance);
      findings.push({ stack: plan.stack, address: change.address, type: change.type, kind, reason, allowed: allowance !== undefined });
    }
  }
  return {
    findings,
    unusedAllowances: allowList.filter((entry) => !used.has(entry)),
    blocked: findings.some((finding) => !finding.allowed),
  };
}
