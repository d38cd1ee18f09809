import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { resolveProviderMirror } from '../../../tools/terraform/offline-cli-config';
import { commandAvailable } from '../../../tools/terraform/run-command';
import { validateStacks, type StackValidation } from '../../../tools/terraform/validate-stacks';
import { copyExampleConfig } from '../../support/example-config';
import { synthInProcess, type SynthRun } from '../../support/run-synth';
import { onboardAsTheMessagesSay, REAL_WORLD_FIXTURES } from './real-world-fixtures';
import { onboard, ORDERS_OPTIONS, PETS_OPTIONS, type OnboardRun } from './run-onboard';

/**
 * The onboarding path end to end, as a team runs it: `new` (and `import` of the OpenAPI Initiative's
 * petstore-expanded) in a copy of the example configuration, `check`, synth of dev (what the entry point runs), and
 * `terraform validate` of the new `dev-api-<name>` stacks against the real provider schema, offline. It validates
 * whatever those stacks contain, so it keeps guarding as the API stack grows. The real-world definitions of
 * real-world.test.ts go the same way once their refusal messages are followed: the messages lead to a deployable service.
 */
const { mirror, reason: mirrorMissing } = resolveProviderMirror();
const skipReason = !commandAvailable('terraform') ? 'terraform is not on PATH' : mirrorMissing;
if (skipReason) console.warn(`SKIPPED terraform validate of onboarded stacks: ${skipReason}`);
const describeWhenAvailable = skipReason ? describe.skip : describe;

const PETSTORE = path.resolve(__dirname, '../../fixtures/openapi/import/petstore-expanded.yaml');
const REAL_WORLD_STACKS = REAL_WORLD_FIXTURES.map((fixture) => `dev-api-${fixture.name}`);
const ONBOARDED = ['dev-api-orders', 'dev-api-pets', ...REAL_WORLD_STACKS].sort();

describeWhenAvailable('new, import, check, synth, terraform validate', () => {
  const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-onboard-synth-')), 'cdktf.out');
  let created: OnboardRun;
  let imported: OnboardRun;
  const realWorld: OnboardRun[] = [];
  let checked: OnboardRun;
  let synth: SynthRun;
  let results: StackValidation[] = [];

  beforeAll(async () => {
    const dir = copyExampleConfig();
    created = await onboard(dir, ['new', 'orders', ...ORDERS_OPTIONS]);
    imported = await onboard(dir, ['import', PETSTORE, ...PETS_OPTIONS]);
    for (const fixture of REAL_WORLD_FIXTURES) realWorld.push(await onboardAsTheMessagesSay(dir, fixture));
    checked = await onboard(dir, ['check']);
    synth = synthInProcess({ configDir: dir, outdir, env: { ENV: 'dev' } });
    if (synth.code !== 0) return;
    keepOnlyStacks(outdir, ONBOARDED);
    results = await validateStacks({ outdir, mirror: mirror! });
  }, 600_000);

  it('onboards every service and check finds no error', () => {
    expect([created.code, imported.code, ...realWorld.map((run) => run.code), checked.code]).toEqual(new Array(3 + REAL_WORLD_FIXTURES.length).fill(0));
    expect(checked.stdout).toMatch(/check: \d+ files, 0 errors/);
  });

  it('synthesizes dev with the new stacks', () => {
    expect(synth.stderr).toBe('');
    expect(synth.code).toBe(0);
    expect(results.map((result) => result.stack).sort()).toEqual(ONBOARDED);
  });

  it.each(ONBOARDED)('%s passes terraform validate', (stack) => {
    const result = results.find((candidate) => candidate.stack === stack);
    expect(result?.diagnostics).toEqual([]);
    expect(result?.valid).toBe(true);
  });
});

/** Narrows the synthesized manifest to the onboarded stacks, so only they are validated (2-3 s per stack). */
function keepOnlyStacks(outdir: string, stacks: readonly string[]): void {
  const file = path.join(outdir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { stacks: Record<string, unknown> };
  manifest.stacks = Object.fromEntries(Object.entries(manifest.stacks).filter(([id]) => stacks.includes(id)));
  writeFileSync(file, JSON.stringify(manifest));
}
