import type { RouteProof } from './prove';

/** Route proofs per environment. */
export interface EnvironmentSummary {
  readonly environment: string;
  readonly routes: number;
  readonly proven: number;
  readonly broken: number;
  /** Hops verified over all routes (a broken route counts the hops before its break). */
  readonly hops: number;
}

export function summarize(proofs: readonly RouteProof[]): EnvironmentSummary[] {
  const environments = [...new Set(proofs.map((proof) => proof.environment))];
  return environments.map((environment) => {
    const mine = proofs.filter((proof) => proof.environment === environment);
    const broken = mine.filter((proof) => proof.broken).length;
    return { environment, routes: mine.length, proven: mine.length - broken, broken, hops: mine.reduce((sum, proof) => sum + proof.hops.length, 0) };
  });
}

/** `ok dev payments GET /payments (public, 24 hops)` or the broken hop with stack, address, attribute and fix. */
export function formatProofLine(proof: RouteProof): string {
  const route = `${proof.environment} ${proof.service} ${proof.method} ${proof.path}`;
  if (!proof.broken) return `ok ${route} (${proof.visibility}, ${proof.hops.length} hops)`;
  const hop = proof.broken;
  return [
    `BROKEN ${route} (${proof.visibility}) at hop ${proof.hops.length + 1} "${hop.name}"`,
    `    ${hop.stack} ${hop.address} ${hop.attribute}`,
    `    ${hop.problem}`,
    `    fix: ${hop.fix}`,
  ].join('\n');
}

/** Every hop of a route, numbered, as a reviewer reads the chain. */
export function formatChain(proof: RouteProof): string {
  const lines = proof.hops.map((hop, index) => `  ${String(index + 1).padStart(2)}. ${hop.name.padEnd(27)} ${hop.stack} ${hop.address}\n      ${hop.detail}`);
  if (proof.broken)
    lines.push(
      `  ${String(proof.hops.length + 1).padStart(2)}. ${proof.broken.name.padEnd(27)} BROKEN ${proof.broken.stack} ${proof.broken.address} ${proof.broken.attribute}: ${proof.broken.problem}`,
    );
  return lines.join('\n');
}

export function formatSummary(summaries: readonly EnvironmentSummary[]): string {
  return summaries
    .map((summary) => `${summary.environment}: ${summary.routes} routes, ${summary.proven} proven, ${summary.broken} broken, ${summary.hops} hops`)
    .join('\n');
}

/** The text report: one line per route (chains too when `chains`), then the summary per environment. */
export function formatText(proofs: readonly RouteProof[], options: { chains?: boolean } = {}): string {
  const lines = proofs.map((proof) => (options.chains ? `${formatProofLine(proof)}\n${formatChain(proof)}` : formatProofLine(proof)));
  return [...lines, '', 'Route proofs:', formatSummary(summarize(proofs))].join('\n');
}

/** The JSON report for CI: summaries, then every route with its hops and break. */
export function formatJson(proofs: readonly RouteProof[]): string {
  return JSON.stringify({ environments: summarize(proofs), routes: proofs.map((proof) => ({ ...proof, status: proof.broken ? 'broken' : 'ok' })) }, null, 2);
}
