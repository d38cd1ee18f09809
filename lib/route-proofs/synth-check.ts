import { proveRoutes, type RouteProof } from './prove';
import { formatProofLine, formatSummary, summarize, type EnvironmentSummary } from './report';
import { loadSynthesizedApp } from './synthesized-app';

/** What synthesis reports about routes: the summary per environment, or why the proofs did not run. */
export type RouteProofOutcome =
  | { readonly status: 'proven'; readonly summaries: readonly EnvironmentSummary[] }
  /** Offline output replaces cross-stack references with literal stand-ins, which prove nothing (decision 0013-route-proofs). */
  | { readonly status: 'skipped'; readonly reason: string };

/** Thrown inside the staging step when a route is broken, so synthesis fails and the previous output stays. */
export class RouteProofError extends Error {
  constructor(readonly proofs: readonly RouteProof[]) {
    const broken = proofs.filter((proof) => proof.broken);
    super(`Route proofs found ${broken.length} broken route${broken.length === 1 ? '' : 's'}`);
    this.name = 'RouteProofError';
  }
}

/**
 * Proves every route of a synthesized output directory (the staging directory during synth). In offline mode the
 * output holds stand-ins instead of cross-stack references, so the proofs are skipped there rather than passed:
 * the route checker would report every stand-in as broken, and a stand-in must never count as proven.
 */
export function checkRoutes(outdir: string, options: { readonly offline: boolean }): RouteProofOutcome {
  if (options.offline)
    return {
      status: 'skipped',
      reason: 'offline synthesis replaces cross-stack references with stand-ins; route proofs run on deploy-mode output (make synth, make paths)',
    };
  const proofs = proveRoutes(loadSynthesizedApp(outdir));
  if (proofs.some((proof) => proof.broken)) throw new RouteProofError(proofs);
  return { status: 'proven', summaries: summarize(proofs) };
}

/** One line per environment for the synth log. */
export function formatOutcome(outcome: RouteProofOutcome): string {
  if (outcome.status === 'skipped') return `Route proofs skipped: ${outcome.reason}`;
  return outcome.summaries.map((summary) => `Route proofs ${summary.environment}: ${summary.routes} routes proven, ${summary.hops} hops`).join('\n');
}

/** The failure printed by main.ts: every broken route with its hop, then the summary. */
export function formatRouteFailure(error: RouteProofError, outdir: string): string {
  const broken = error.proofs.filter((proof) => proof.broken);
  return [
    `Route proofs failed: ${broken.length} broken route${broken.length === 1 ? '' : 's'}; synthesis stopped and ${outdir} was left as it was.`,
    ...broken.map(formatProofLine),
    formatSummary(summarize(error.proofs)),
  ].join('\n');
}
