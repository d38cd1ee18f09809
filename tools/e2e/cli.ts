import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { resolveProviderMirror } from '../terraform/offline-cli-config';
import { commandAvailable } from '../terraform/run-command';
import { emulatorUnavailable } from './emulator-process';
import { formatReport } from './report';
import { runE2e } from './run-e2e';

/**
 * `make e2e ENV=dev`: the emulated apply of one environment (docs/decisions/0018-emulated-apply.md).
 * Progress on stderr, the report on stdout and in .tmp/e2e/report.md. Exit codes: 0 passed, 1 a stack failed to
 * apply, re-planned with changes, failed to destroy or left something behind, 2 python3+moto, terraform or the
 * provider mirror is missing.
 */
async function main(): Promise<number> {
  const repoRoot = path.resolve(__dirname, '../..');
  const environments = process.env.ENV || 'dev';
  const { mirror, reason } = resolveProviderMirror();
  const missing = !commandAvailable('terraform') ? 'terraform is not on PATH' : (reason ?? emulatorUnavailable());
  if (missing || !mirror) {
    console.error(`e2e: ${missing}`);
    return 2;
  }
  const workDir = path.resolve(process.env.UAG_E2E_WORKDIR ?? path.join(repoRoot, '.tmp', 'e2e'));
  const result = await runE2e({
    configDir: process.env.UAG_CONFIG_DIR ?? repoRoot,
    environments,
    workDir,
    mirror,
    log: (line) => console.error(`e2e: ${line}`),
  });
  const report = formatReport(environments, result);
  writeFileSync(path.join(workDir, 'report.md'), `${report}\n`);
  console.log(report);
  return result.ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`e2e: ${error.message}`);
    process.exitCode = 1;
  },
);
