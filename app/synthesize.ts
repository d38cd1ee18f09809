import { App, Aspects, type IAspect } from 'cdktf';
import { loadConfig } from '../lib/config/load';
import { OFFLINE_CONTEXT_KEY } from '../lib/synthesis-mode';
import type { GuardrailReport } from '../lib/guardrails/findings';
import { checkSynthesizedOutput } from '../lib/guardrails/synthesized-output';
import { checkRoutes, type RouteProofOutcome } from '../lib/route-proofs/synth-check';
import { withoutCreationStacks } from '../lib/creation-stacks';
import { replaceDirectoryAtomically } from './output-directory';
import { selectEnvironments } from './select-environments';
import { withTerraformVersionCheckedOnce } from './terraform-version-check';

export interface SynthesizeOptions {
  /** Directory holding `environments/` and `services/`. */
  readonly configDir: string;
  /** Where `manifest.json` and `stacks/<id>/cdk.tf.json` go; replaced only on success. */
  readonly outdir: string;
  /** Environment selection as in `ENV` (`dev`, `dev,prod`); all when empty.
   * @default - every environment */
  readonly environments?: string;
  /** Offline plan mode: local backends, dummy credentials, placeholders for cross-stack values (lib/cross-stack.ts).
   * @default false - deploy mode (S3 backend, deploy role, remote state) */
  readonly offline?: boolean;
  /** Extra cdktf aspects applied to every stack before synthesis (tests plant guardrail violations with them).
   * @default - none */
  readonly aspects?: readonly IAspect[];
}

export interface SynthesizeResult {
  /** Stack ids written, in synthesis order. */
  readonly stacks: string[];
  /** Guardrail outcome per environment: warnings, applied suppressions, unused suppressions. */
  readonly guardrails: GuardrailReport[];
  /** Route proofs over the written output (skipped offline). */
  readonly routes: RouteProofOutcome;
}

/** Loads and validates the configuration, builds the stacks of the chosen environments and writes them. */
export function synthesize(options: SynthesizeOptions): SynthesizeResult {
  const config = loadConfig(options.configDir);
  const selected = selectEnvironments(config, options.environments);
  // Loaded only after validation so that a bad configuration fails in a fraction of a second.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildEnvironmentStacks } = require('../stacks/environment-stacks') as typeof import('../stacks/environment-stacks');

  return replaceDirectoryAtomically(options.outdir, (stagingDir) =>
    withoutCreationStacks(() => {
      const app = new App({ outdir: stagingDir, context: options.offline ? { [OFFLINE_CONTEXT_KEY]: true } : undefined });
      const stacks = selected.flatMap(({ config: environment }) => buildEnvironmentStacks(app, config, environment));
      // cdktf invokes aspects per stack, starting at the stack, so they are added to every stack rather than the app.
      for (const stack of stacks) for (const aspect of options.aspects ?? []) Aspects.of(stack).add(aspect);
      withTerraformVersionCheckedOnce(() => app.synth());
      // Over the staging output, before the swap: an error finding throws GuardrailError and cdktf.out stays as it was.
      const guardrails = checkSynthesizedOutput(stagingDir, selected, stacks);
      // Likewise a broken route throws RouteProofError (lib/route-proofs), reading only the staged output.
      const routes = checkRoutes(stagingDir, { offline: options.offline === true });
      return { stacks: stacks.map((stack) => stack.stackId), guardrails, routes };
    }),
  );
}
