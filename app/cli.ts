import * as path from 'node:path';
import { runSynthCommand } from './command';
import { skipSourceMappedStackTraces } from '../lib/stack-traces';

const REPOSITORY_ROOT = path.resolve(__dirname, '..');

/**
 * What `make synth`, `npm run synth` and `cdktf synth|deploy` run (main.ts runs it bundled: app/run-bundled.ts).
 *   ENV             environments to synthesize (`dev`, `dev,prod`); all when unset
 *   UAG_CONFIG_DIR  configuration root; this repository's example configuration when unset
 *   CDKTF_OUTDIR    output directory (set by the cdktf CLI); cdktf.out when unset
 *   UAG_OFFLINE=1   offline plan mode (local backends, dummy credentials); see lib/cross-stack.ts
 *   UAG_SOURCE_MAPS=1  keep source-mapped stack traces (debugging; synthesis is slower, unbundled)
 *   UAG_BUNDLE=off  run the sources directly instead of their bundle
 */
skipSourceMappedStackTraces();

process.exitCode = runSynthCommand(
  {
    configDir: process.env.UAG_CONFIG_DIR ?? REPOSITORY_ROOT,
    outdir: process.env.CDKTF_OUTDIR ?? path.join(REPOSITORY_ROOT, 'cdktf.out'),
    environments: process.env.ENV,
    offline: process.env.UAG_OFFLINE === '1',
  },
  { out: (text) => console.log(text), err: (text) => console.error(text) },
);
