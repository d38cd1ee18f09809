import * as path from 'node:path';
import { runBundled } from './app/run-bundled';

/**
 * Entry point for `make synth`, `npm run synth` and `cdktf synth|deploy`: app/cli.ts (which documents the variables it
 * reads), run from its cached bundle so that a synth does not load a thousand modules one by one (app/run-bundled.ts).
 */
runBundled(path.join(__dirname, 'app', 'cli.ts')).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
