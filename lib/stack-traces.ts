/**
 * cdktf records a stack trace for every token it creates; mapping each through tsx's source maps costs ~40 % of a
 * 200-service synth and a fifth of a CLI that builds the stacks (make bench, docs/decisions/0019-fast-feedback.md).
 * Entry points that build stacks call this first; errors users see are messages, not stack traces.
 * `UAG_SOURCE_MAPS=1` keeps source-mapped traces for debugging.
 */
export function skipSourceMappedStackTraces(): void {
  if (process.env.UAG_SOURCE_MAPS !== '1') process.setSourceMapsEnabled(false);
}
