// cdktf's one function for token creation stacks; its callers look it up on this module at each call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cdktfStackTraces = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (below?: unknown) => string[] };

/**
 * cdktf captures and formats a full-depth stack trace for every token it creates (`creationStack`, shown only in
 * token resolution errors). Formatting them is half of a synth's CPU under jest, which maps each frame through
 * source maps, and a large share in tsx too (make bench). While `run` builds and synthesizes stacks, cdktf's token
 * creation stacks are not captured at all (capturing alone, unformatted, was 5 % of a synth), other stack traces of
 * non-errors (`{ stack: "" }` holders) come back empty, and real errors keep their usual stack trace.
 * UAG_CREATION_STACKS=1 keeps cdktf's creation stacks, to debug a token resolution error.
 */
export function withoutCreationStacks<T>(run: () => T): T {
  if (process.env.UAG_CREATION_STACKS === '1') return run();
  const previous = Error.prepareStackTrace;
  const capture = cdktfStackTraces.captureStackTrace;
  cdktfStackTraces.captureStackTrace = () => [];
  Error.prepareStackTrace = (error, frames) => {
    if (!(error instanceof Error)) return '';
    return previous ? previous(error, frames) : [String(error), ...frames.map((frame) => `    at ${frame.toString()}`)].join('\n');
  };
  try {
    return run();
  } finally {
    Error.prepareStackTrace = previous;
    cdktfStackTraces.captureStackTrace = capture;
  }
}
