/**
 * cdktf captures and formats a full-depth stack trace for every token it creates (`creationStack`, shown only in
 * token resolution errors). Formatting them is half of a synth's CPU under jest, which maps each frame through
 * source maps, and a large share in tsx too (make bench). While `run` builds and synthesizes stacks, stack traces
 * of non-errors (cdktf's `{ stack: "" }` holders) come back empty; real errors keep their usual stack trace.
 * UAG_CREATION_STACKS=1 keeps cdktf's creation stacks, to debug a token resolution error.
 */
export function withoutCreationStacks<T>(run: () => T): T {
  if (process.env.UAG_CREATION_STACKS === '1') return run();
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, frames) => {
    if (!(error instanceof Error)) return '';
    return previous ? previous(error, frames) : [String(error), ...frames.map((frame) => `    at ${frame.toString()}`)].join('\n');
  };
  try {
    return run();
  } finally {
    Error.prepareStackTrace = previous;
  }
}
