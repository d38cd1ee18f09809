import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Terraform merges `*_override.tf.json` files over the configuration. Merge-request plans and drift
 * checks write this one into the stack directory so that both providers assume the read-only plan
 * role in each account instead of the deploy role cdk.tf.json names; the deploy output itself stays
 * the one that is applied. Nested blocks in an override replace the original's, so `assume_role` is
 * replaced whole.
 */
export const PLAN_ROLE_OVERRIDE_FILE = 'ci_plan_role_override.tf.json';

interface ProviderBlock {
  alias?: string;
  assume_role?: { role_arn: string; session_name?: string }[];
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** The override for a deploy-mode stack: same accounts and session names, role name swapped. */
export function planRoleOverride(stack: { provider?: { aws?: ProviderBlock[] } }, planRoleName: string, stackId: string): object {
  if (!ROLE_NAME.test(planRoleName)) throw new Error(`UAG_PLAN_TARGET_ROLE_NAME must be an IAM role name, got "${planRoleName}"`);
  const providers = stack.provider?.aws ?? [];
  if (providers.length === 0) throw new Error(`${stackId}: cdk.tf.json has no aws provider`);
  return {
    provider: {
      aws: providers.map((provider) => {
        const role = provider.assume_role?.[0];
        if (!role)
          throw new Error(`${stackId}: provider ${provider.alias ?? 'aws'} assumes no role; CI plans stacks synthesized for deploy (without UAG_OFFLINE)`);
        const roleArn = role.role_arn.replace(/:role\/.+$/, `:role/${planRoleName}`);
        return { ...(provider.alias ? { alias: provider.alias } : {}), assume_role: [{ role_arn: roleArn, session_name: role.session_name }] };
      }),
    },
  };
}

/** Writes the override next to `cdk.tf.json` and returns its path. */
export function writePlanRoleOverride(stackDirectory: string, planRoleName: string): string {
  const stackJson = JSON.parse(readFileSync(path.join(stackDirectory, 'cdk.tf.json'), 'utf8')) as Parameters<typeof planRoleOverride>[0];
  const file = path.join(stackDirectory, PLAN_ROLE_OVERRIDE_FILE);
  writeFileSync(file, JSON.stringify(planRoleOverride(stackJson, planRoleName, path.basename(stackDirectory)), null, 2) + '\n');
  return file;
}
