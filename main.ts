import * as path from 'node:path';
import { ConfigError } from './lib/config/problems';
import { GuardrailError } from './lib/guardrails/findings';
import { formatFailure, formatReports } from './lib/guardrails/format';
import { formatOutcome, formatRouteFailure, RouteProofError } from './lib/route-proofs/synth-check';
import { SelectionError } from './lib/synth/select-environments';
import { synthesize } from './lib/synth/synthesize';

/**
 * Entry point for `make synth`, `npm run synth` and `cdktf synth|deploy`.
 *   ENV             environments to synthesize (`dev`, `dev,prod`); all when unset
 *   UAG_CONFIG_DIR  configuration root; this repository's example configuration when unset
 *   CDKTF_OUTDIR    output directory (set by the cdktf CLI); cdktf.out when unset
 *   UAG_OFFLINE=1   offline plan mode (local backends, dummy credentials); see lib/cross-stack.ts
 *   UAG_SOURCE_MAPS=1  keep source-mapped stack traces (debugging; synthesis is slower)
 */
function main(): number {
  // cdktf records a stack trace for every token it creates; mapping each through tsx's source maps cost
  // ~40% of a 200-service synth (make bench). Errors users see are messages, not stack traces.
  if (process.env.UAG_SOURCE_MAPS !== '1') process.setSourceMapsEnabled(false);
  const configDir = process.env.UAG_CONFIG_DIR ?? __dirname;
  const outdir = process.env.CDKTF_OUTDIR ?? path.join(__dirname, 'cdktf.out');
  try {
    const { stacks, guardrails, routes } = synthesize({ configDir, outdir, environments: process.env.ENV, offline: process.env.UAG_OFFLINE === '1' });
    console.log(formatReports(guardrails));
    console.log(formatOutcome(routes));
    console.log(`Synthesized ${stacks.length} stacks into ${path.relative(process.cwd(), outdir) || '.'}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SelectionError) {
      console.error(`${error.message}\nSynthesis stopped; ${outdir} was left as it was.`);
      return 1;
    }
    if (error instanceof GuardrailError) {
      console.error(formatFailure(error.reports, outdir));
      return 1;
    }
    if (error instanceof RouteProofError) {
      console.error(formatRouteFailure(error, outdir));
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
