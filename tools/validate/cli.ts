import * as path from 'node:path';
import { resolveProviderMirror } from '../terraform/offline-cli-config';
import { commandAvailable } from '../terraform/run-command';
import { validateStacks } from '../terraform/validate-stacks';

/**
 * `make validate`: terraform validate of every stack in cdktf.out (or $CDKTF_OUTDIR), offline.
 * Exit codes: 0 all valid, 1 a stack is invalid, 2 terraform or the provider mirror is missing.
 */
async function main(): Promise<number> {
  const outdir = path.resolve(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  const { mirror, reason } = resolveProviderMirror();
  if (!mirror) {
    console.error(`validate: ${reason}`);
    return 2;
  }
  if (!commandAvailable('terraform')) {
    console.error('validate: terraform is not on PATH; install Terraform >= 1.10 (S3 native locking needs it)');
    return 2;
  }
  const started = Date.now();
  const results = await validateStacks({ outdir, mirror });
  for (const result of results) {
    console.log(`${result.valid ? 'ok     ' : 'INVALID'} ${result.stack}`);
    for (const diagnostic of result.diagnostics) console.log(`        ${diagnostic}`);
  }
  const invalid = results.filter((result) => !result.valid).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`terraform validate: ${results.length - invalid} valid, ${invalid} invalid (${seconds} s, offline, mirror ${mirror})`);
  return invalid === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`validate: ${error.message}`);
    process.exitCode = 1;
  },
);
