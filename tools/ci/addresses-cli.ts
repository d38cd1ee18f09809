import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../lib/config/load';
import { selectEnvironments } from '../../app/select-environments';
import { synthesize } from '../../app/synthesize';
import { readManifest } from '../terraform/manifest';
import { compareAddresses, declaredMoves, describeDifference, parseSnapshot, renderSnapshot, stackAddresses, type StackJson } from './address-snapshot';
import { skipSourceMappedStackTraces } from '../../lib/stack-traces';

/**
 * `make addresses`: write tests/snapshots/addresses/<env>.txt from a fresh synthesis of the configuration.
 * `--check`: compare instead of writing; exit 1 naming every removed and added address (moves declared with
 * `moved` blocks are accounted for). ENV limits the environments as for `make synth`.
 *   tsx tools/ci/addresses-cli.ts [--check] [--config-dir <dir>] [--snapshot-dir <dir>]
 * Exit codes: 0 written / matches, 1 differs, 2 bad input (configuration, ENV, malformed snapshot).
 */
export function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const repoRoot = path.resolve(__dirname, '../..');
  const check = argv.includes('--check');
  const option = (name: string, fallback: string): string => {
    const index = argv.indexOf(name);
    return index >= 0 && argv[index + 1] ? path.resolve(argv[index + 1]) : fallback;
  };
  const configDir = option('--config-dir', env.UAG_CONFIG_DIR ?? repoRoot);
  const snapshotDir = option('--snapshot-dir', path.join(repoRoot, 'tests/snapshots/addresses'));

  let environments: string[];
  try {
    environments = selectEnvironments(loadConfig(configDir), env.ENV).map(({ config }) => config.name);
  } catch (error) {
    console.error(`addresses: ${(error as Error).message}`);
    return 2;
  }

  const scratch = mkdtempSync(path.join(tmpdir(), 'uag-addresses-'));
  let differences = 0;
  try {
    // Everything is synthesized and rendered before any file is written: a failure leaves the snapshots as they were.
    const rendered = new Map<string, string>();
    for (const environment of environments) {
      const outdir = path.join(scratch, environment);
      synthesize({ configDir, outdir, environments: environment });
      const stacks = new Map(
        readManifest(outdir).map((stack) => [stack.id, JSON.parse(readFileSync(path.join(stack.directory, 'cdk.tf.json'), 'utf8')) as StackJson]),
      );
      const file = path.join(snapshotDir, `${environment}.txt`);
      const shown = path.relative(process.cwd(), file);
      if (!check) {
        rendered.set(file, renderSnapshot(environment, stackAddresses(stacks)));
        continue;
      }
      if (!existsSync(file)) {
        console.error(`addresses: ${shown} is missing; create it with make addresses`);
        differences++;
        continue;
      }
      const difference = compareAddresses(parseSnapshot(readFileSync(file, 'utf8'), shown), stackAddresses(stacks), declaredMoves(stacks));
      const message = describeDifference(environment, shown, difference);
      for (const move of difference.moved) console.log(`addresses: ${environment}: ${move.stack} ${move.from} → ${move.to} (moved block)`);
      if (message) {
        console.error(message);
        differences++;
      } else {
        console.log(`addresses: ${environment}: ${stacks.size} stacks match ${shown}`);
      }
    }
    mkdirSync(snapshotDir, { recursive: true });
    for (const [file, text] of rendered) {
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
      console.log(
        `addresses: wrote ${path.relative(process.cwd(), file)} (${text.split('\n').filter((entry) => entry && !entry.startsWith('#')).length} resources)`,
      );
    }
  } catch (error) {
    console.error(`addresses: ${(error as Error).message}`);
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return differences > 0 ? 1 : 0;
}

if (require.main === module) {
  skipSourceMappedStackTraces();
  process.exitCode = main(process.argv.slice(2));
}
