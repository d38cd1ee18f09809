import * as path from 'node:path';
import { ConfigError } from '../lib/config/problems';
import { GuardrailError } from '../lib/guardrails/findings';
import { formatFailure, formatReports } from '../lib/guardrails/format';
import { formatOutcome, formatRouteFailure, RouteProofError } from '../lib/route-proofs/synth-check';
import { SelectionError } from './select-environments';
import { synthesize, type SynthesizeOptions } from './synthesize';

/** Where the command prints: the console in main.ts, a buffer in tests. */
export interface SynthCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * What `make synth` does after reading its environment: synthesize, print the guardrail reports and route proofs, and turn bad
 * input into a message and exit code 1 (output left as it was). main.ts and the in-process tests share it, so
 * the many bad-input cases run without a process each and still see exactly what a user sees.
 */
export function runSynthCommand(options: SynthesizeOptions, io: SynthCommandIo, cwd = process.cwd()): number {
  try {
    const { stacks, guardrails, routes } = synthesize(options);
    io.out(formatReports(guardrails));
    io.out(formatOutcome(routes));
    io.out(`Synthesized ${stacks.length} stacks into ${path.relative(cwd, options.outdir) || '.'}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SelectionError) {
      io.err(`${error.message}\nSynthesis stopped; ${options.outdir} was left as it was.`);
      return 1;
    }
    if (error instanceof GuardrailError) {
      io.err(formatFailure(error.reports, options.outdir));
      return 1;
    }
    if (error instanceof RouteProofError) {
      io.err(formatRouteFailure(error, options.outdir));
      return 1;
    }
    throw error;
  }
}
