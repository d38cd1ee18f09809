import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { loadConfig } from '../../lib/config/load';
import { withoutCreationStacks } from '../../lib/creation-stacks';
import type { StackPlacement } from './markdown-summary';

/**
 * Environment and account of every stack the configuration defines, in the order the stacks are
 * built. Builds the stacks in memory (never synthesized) so the answer comes from the same code that
 * deploys them, whichever mode the plans were made in.
 * @param stackIds when given, only environments that can own one of these ids (`<env>-…`) are built:
 *   building an environment's stacks costs seconds, and a per-stack CI job needs one.
 */
export function placementsFromConfig(configDir: string, stackIds?: readonly string[]): StackPlacement[] {
  const loaded = loadConfig(configDir);
  const config = stackIds
    ? { ...loaded, environments: loaded.environments.filter(({ config: environment }) => stackIds.some((id) => id.startsWith(`${environment.name}-`))) }
    : loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildEnvironmentStacks } = require('../../stacks/environment-stacks') as typeof import('../../stacks/environment-stacks');
  // App creates its outdir eagerly; nothing is written into it because synth() is never called.
  const outdir = mkdtempSync(path.join(tmpdir(), 'uag-placements-'));
  try {
    const app = new App({ outdir, skipValidation: true });
    return withoutCreationStacks(() =>
      config.environments.flatMap(({ config: environment }) =>
        buildEnvironmentStacks(app, config, environment).map((stack) => ({
          stack: stack.stackId,
          environment: environment.name,
          accountId: stack.accountId,
          accountAlias: Object.entries(environment.accounts).find(([, account]) => account.id === stack.accountId)?.[0] ?? 'unknown',
        })),
      ),
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
