/**
 * Jest setup (every test file): cdktf captures a full stack trace for every token it creates, and under jest each
 * frame is mapped through source maps. Synthesis never records them (lib/creation-stacks.ts), but tests also build
 * stacks and modules outside synthesize(), and that capture was about half of their CPU. Here it is off for the
 * whole file; tests/lib/creation-stacks.test.ts puts cdktf's own function back (ORIGINAL_CAPTURE) to test the real
 * behaviour.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackTraces = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (below?: unknown) => string[] };

export const ORIGINAL_CAPTURE = Symbol.for('uag.tests.cdktfCaptureStackTrace');
(globalThis as Record<symbol, unknown>)[ORIGINAL_CAPTURE] = stackTraces.captureStackTrace;
stackTraces.captureStackTrace = () => [];
