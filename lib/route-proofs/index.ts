/** Route proofs over synthesized output: see docs/decisions/0013-route-proofs.md. */
export { proveRoutes, findRoutes, proveRoute, type RouteProof } from './prove';
export { loadSynthesizedApp, appOf, synthesizedStack, SynthesizedOutputError, type SynthesizedApp, type SynthesizedStack } from './synthesized-app';
export { formatText, formatJson, formatChain, formatProofLine, formatSummary, summarize, type EnvironmentSummary } from './report';
export type { Hop, BrokenHop } from './hops';
