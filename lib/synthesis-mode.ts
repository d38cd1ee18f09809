import type { IConstruct } from 'constructs';

/**
 * Deploy or offline-plan synthesis. Offline (`UAG_OFFLINE=1`, `make plan-offline`): local backends, dummy
 * credentials, stand-ins for cross-stack values (lib/cross-stack.ts) and for data AWS would generate.
 */

/** App context key that switches synthesis to offline mode; set by `synthesize({ offline: true })`. */
export const OFFLINE_CONTEXT_KEY = 'uag:offline';

/** Whether the construct is synthesized for an offline plan (local backend, dummy credentials, placeholders). */
export function isOfflineSynthesis(scope: IConstruct): boolean {
  return scope.node.tryGetContext(OFFLINE_CONTEXT_KEY) === true;
}
