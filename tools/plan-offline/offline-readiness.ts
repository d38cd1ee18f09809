import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SynthesizedStack } from '../terraform/manifest';

interface StackJson {
  data?: { terraform_remote_state?: Record<string, unknown> };
  terraform?: { backend?: Record<string, unknown> };
}

/**
 * Why stacks cannot be planned offline, one line each; empty when they can. Two mistakes are caught
 * before Terraform runs, because Terraform's own errors for them (a backend or state it cannot reach)
 * do not say what to change:
 *  - a stack synthesized in deploy mode (S3 backend, role assumption) instead of with UAG_OFFLINE=1;
 *  - a stack that reads another stack's state, i.e. a cross-stack value that bypassed
 *    `crossStackValue` (lib/cross-stack.ts): nothing was applied, so there is no state to read.
 */
export function offlineReadinessProblems(stacks: readonly SynthesizedStack[]): string[] {
  const problems: string[] = [];
  for (const stack of stacks) {
    const file = path.join(stack.directory, 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as StackJson;
    const backends = Object.keys(json.terraform?.backend ?? {});
    if (backends.length > 0 && !backends.includes('local')) {
      problems.push(
        `${stack.id}: synthesized for deploy (backend ${backends.join(', ')}); synthesize with UAG_OFFLINE=1 (make plan-offline does) before planning offline`,
      );
    }
    const remoteStates = Object.keys(json.data?.terraform_remote_state ?? {});
    if (remoteStates.length > 0) {
      problems.push(
        `${stack.id}: reads another stack's state (data.terraform_remote_state.${remoteStates.join(', data.terraform_remote_state.')}), which an offline plan cannot; ` +
          'pass the value through crossStackValue() from lib/cross-stack.ts with a placeholder of the same shape (docs/decisions/0001-cross-stack-offline.md)',
      );
    }
  }
  return problems;
}
