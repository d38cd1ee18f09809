import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { emulatorUnavailable } from '../../../tools/e2e/emulator-process';
import { formatReport } from '../../../tools/e2e/report';
import { runE2e, type E2eResult } from '../../../tools/e2e/run-e2e';
import { resolveProviderMirror } from '../../../tools/terraform/offline-cli-config';
import { commandAvailable } from '../../../tools/terraform/run-command';
import { REPO_ROOT } from '../../support/example-config';

/**
 * The emulated apply fails, naming stack and address, on a defect only an apply shows: a resource whose re-plan
 * always differs (its trigger is re-evaluated at every plan). Planted in dev-org, the cheapest stack, so the run
 * takes about a minute.
 */
const { mirror, reason: mirrorMissing } = resolveProviderMirror();
const skipReason = !commandAvailable('terraform') ? 'terraform is not on PATH' : (mirrorMissing ?? emulatorUnavailable());
if (skipReason) console.warn(`SKIPPED planted-defect emulated apply: ${skipReason}`);
const describeWhenAvailable = skipReason ? describe.skip : describe;

describeWhenAvailable('emulated apply with a planted perpetual diff', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'uag-e2e-planted-'));
  let result: E2eResult;
  let report: string;

  beforeAll(async () => {
    result = await runE2e({
      configDir: REPO_ROOT,
      environments: 'dev',
      stacks: ['dev-org'],
      workDir,
      mirror: mirror!,
      afterSynth: (_outdir, stacks) => {
        const file = path.join(stacks.find((stack) => stack.id === 'dev-org')!.directory, 'cdk.tf.json');
        const json = JSON.parse(readFileSync(file, 'utf8')) as {
          resource?: Record<string, unknown>;
        };
        json.resource = {
          ...json.resource,
          terraform_data: {
            PlantedPerpetualDiff: { triggers_replace: '${timestamp()}' },
          },
        };
        writeFileSync(file, JSON.stringify(json, null, 2));
      },
    });
    report = formatReport('dev', result);
  }, 10 * 60_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('applies, then fails the re-plan naming the stack and the address', () => {
    expect(result.stacks.map((outcome) => [outcome.stack, outcome.applied, outcome.replanClean])).toEqual([['dev-org', 1, false]]);
    expect(report).toContain('\n- re-plan dev-org: terraform_data.PlantedPerpetualDiff must be replaced\n');
    expect(report.split('\n').pop()).toMatch(
      /^e2e dev: FAILED: 1\/1 stacks applied \(1\/1 resources, 0 excluded\), re-plan clean 0\/1, destroyed 1\/1, 0 left in the emulator, \d+ s$/,
    );
    expect(result.ok).toBe(false);
  });
});
