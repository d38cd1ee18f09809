import * as path from 'node:path';
import { runSynthCommand } from './app/command';
import { skipSourceMappedStackTraces } from './lib/stack-traces';

/**
 * Entry point for `make synth`, `npm run synth` and `cdktf synth|deploy`.
 *   ENV             environments to synthesize (`dev`, `dev,prod`); all when unset
 *   UAG_CONFIG_DIR  configuration root; this repository's example configuration when unset
 *   CDKTF_OUTDIR    output directory (set by the cdktf CLI); cdktf.out when unset
 *   UAG_OFFLINE=1   offline plan mode (local backends, dummy credentials); see lib/cross-stack.ts
 *   UAG_SOURCE_MAPS=1  keep source-mapped stack traces (debugging; synthesis is slower)
 */
skipSourceMappedStackTraces();

process.exitCode = runSynthCommand(
  {
    configDir: process.env.UAG_CONFIG_DIR ?? __dirname,
    outdir: process.env.CDKTF_OUTDIR ?? path.join(__dirname, 'cdktf.out'),
    environments: process.env.ENV,
    offline: process.env.UAG_OFFLINE === '1',
  },
  { out: (text) => console.log(text), err: (text) => console.error(text) },
);
