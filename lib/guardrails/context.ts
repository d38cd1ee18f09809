import type { Environment } from '../config/schema/environment';

/**
 * What the rules may know beyond the synthesized JSON, built once per environment from the validated
 * configuration: prod-only rules, the declared accounts and OUs for RAM principals, Shield, tags, budgets.
 */
export interface GuardrailContext {
  /** Environment name, e.g. `prod`. */
  readonly environment: string;
  /** Whether production-only rules apply. */
  readonly production: boolean;
  /** Organization management account; OU and organization ARNs of RAM principals carry it. */
  readonly managementAccountId: string;
  /** AWS Organizations id (`o-...`) when the environment declares its organization. */
  readonly organizationId?: string;
  /** Declared organizational unit ids (`ou-...`); empty when the environment declares none. */
  readonly organizationalUnits: ReadonlySet<string>;
  /** Declared accounts by 12-digit id. */
  readonly accounts: ReadonlyMap<string, DeclaredAccount>;
  /** Tag keys every provider's default tags must carry with a non-empty value. */
  readonly requiredTags: readonly string[];
  readonly maxResourcesPerStack: number;
  /** Shield Advanced is in use in the environment, so every CloudFront distribution needs a protection. */
  readonly shieldAdvanced: boolean;
  /** Per managed rule group, the API-hostile rules the environment deliberately blocks with (waf...enforceRules).
   * @default - none: every rule of API_COUNT_RULES must count */
  readonly enforcedApiRules?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The environment notifies nobody on purpose (observability.alarmNotifications.optOut, non-production only).
   * @default false */
  readonly alarmNotificationsOptOut?: boolean;
}

export interface DeclaredAccount {
  readonly alias: string;
  readonly inOrganization: boolean;
}

/** Tags stacks/base-stack.ts puts on every provider; the guardrail proves they survive into every stack. */
export const BASELINE_TAGS = ['Environment', 'Stack', 'ManagedBy', 'Repository', 'Owner'] as const;

/** The context of one validated environment. The runner also switches Shield on when the output contains Shield resources. */
export function guardrailContext(environment: Environment): GuardrailContext {
  const { guardrails } = environment;
  return {
    environment: environment.name,
    production: guardrails.production ?? /^prod(-|$)/.test(environment.name),
    managementAccountId: environment.accounts[environment.roles.management]?.id ?? '',
    organizationId: environment.organization?.id,
    organizationalUnits: new Set(Object.values(environment.organization?.organizationalUnits ?? {})),
    accounts: new Map(Object.entries(environment.accounts).map(([alias, account]) => [account.id, { alias, inOrganization: account.inOrganization }])),
    requiredTags: [...new Set([...BASELINE_TAGS, ...guardrails.requiredTags])],
    maxResourcesPerStack: guardrails.maxResourcesPerStack,
    shieldAdvanced: environment.shield.enabled,
    enforcedApiRules: new Map(Object.entries(environment.waf.managedRuleGroups).map(([group, settings]) => [group, new Set(settings.enforceRules)])),
    alarmNotificationsOptOut: environment.observability.alarmNotifications.optOut !== undefined,
  };
}
