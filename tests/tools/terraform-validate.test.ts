import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { resolveProviderMirror } from '../../tools/terraform/offline-cli-config';
import { commandAvailable } from '../../tools/terraform/run-command';
import { validateStacks, type StackValidation } from '../../tools/terraform/validate-stacks';
import { sharedExampleSynth } from '../support/shared-example';

/**
 * Rung 5 of the verification ladder: every synthesized stack passes `terraform validate` against the real
 * hashicorp/aws schema, offline, in one terraform run (docs/decisions/0019), and an error still names its stack,
 * file and address. Needs terraform and a provider mirror (UAG_PROVIDER_MIRROR); .ci/run sets it.
 */
const { mirror, reason: mirrorMissing } = resolveProviderMirror();
const skipReason = !commandAvailable('terraform') ? 'terraform is not on PATH' : mirrorMissing;
if (skipReason) {
  console.warn(`SKIPPED terraform validate of every stack: ${skipReason}`);
}
const describeWhenAvailable = skipReason ? describe.skip : describe;

type StackJson = { resource: Record<string, Record<string, Record<string, unknown>>>; provider: { aws: Record<string, unknown>[] } };

/**
 * One terraform run (the provider starts once, as in `make validate`) over every stack of the run's shared synthesis
 * plus two planted copies: one with an invalid resource argument, one with an invalid provider argument (a provider
 * block of its own shape). The originals are read where they are; the manifest points at them.
 */
describeWhenAvailable('terraform validate (offline, real provider schema)', () => {
  const PLANTED_RESOURCE = 'dev-network-planted';
  const PLANTED_PROVIDER = 'dev-security-planted';
  let results: StackValidation[] = [];
  let address = '';

  beforeAll(async () => {
    const shared = sharedExampleSynth().outdir;
    const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-validate-planted-')), 'cdktf.out');
    const manifest = JSON.parse(readFileSync(path.join(shared, 'manifest.json'), 'utf8')) as { stacks: Record<string, { workingDirectory: string }> };
    for (const stack of Object.values(manifest.stacks)) stack.workingDirectory = path.relative(outdir, path.join(shared, stack.workingDirectory));
    const plant = (copy: string, from: string, change: (json: StackJson) => void) => {
      const json = JSON.parse(readFileSync(path.join(shared, 'stacks', from, 'cdk.tf.json'), 'utf8')) as StackJson;
      change(json);
      mkdirSync(path.join(outdir, 'stacks', copy), { recursive: true });
      writeFileSync(path.join(outdir, 'stacks', copy, 'cdk.tf.json'), JSON.stringify(json, null, 2));
      manifest.stacks[copy] = { workingDirectory: `stacks/${copy}` };
    };
    plant(PLANTED_RESOURCE, 'dev-network', (json) => {
      const [type, named] = Object.entries(json.resource)[0]!;
      const name = Object.keys(named)[0]!;
      named[name]!.not_an_argument = 'planted';
      address = `${type}.${name}`;
    });
    plant(PLANTED_PROVIDER, 'dev-security', (json) => {
      json.provider.aws[0]!.not_a_provider_argument = 'planted';
    });
    writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify(manifest));
    results = await validateStacks({ outdir, mirror: mirror! });
  });

  const resultOf = (stack: string) => results.find((entry) => entry.stack === stack);

  it('validates every stack of every environment', () => {
    const { result } = sharedExampleSynth();
    const originals = results.filter((entry) => !entry.stack.endsWith('-planted'));
    expect(originals.map((entry) => entry.stack).sort()).toEqual([...result.stacks].sort());
    expect(originals.filter((entry) => !entry.valid).map((entry) => `${entry.stack}: ${entry.diagnostics.join('; ')}`)).toEqual([]);
  });

  it('reports an invalid resource argument with its stack, file and address', () => {
    expect(resultOf(PLANTED_RESOURCE)?.valid).toBe(false);
    expect(resultOf(PLANTED_RESOURCE)?.diagnostics).toEqual([
      `Extraneous JSON object property: No argument or block type is named "not_an_argument". (stacks/${PLANTED_RESOURCE}/cdk.tf.json ${address})`,
    ]);
  });

  it('reports an invalid provider argument with the stack it comes from', () => {
    expect(resultOf(PLANTED_PROVIDER)?.valid).toBe(false);
    expect(resultOf(PLANTED_PROVIDER)?.diagnostics).toEqual([
      `Extraneous JSON object property: No argument or block type is named "not_a_provider_argument". (stacks/${PLANTED_PROVIDER}/cdk.tf.json provider.aws; the same check covers the provider blocks of this shape in other stacks)`,
    ]);
  });

  it('keeps the stacks the planted ones were copied from valid', () => {
    expect(resultOf('dev-network')).toEqual({ stack: 'dev-network', valid: true, diagnostics: [] });
    expect(resultOf('dev-security')).toEqual({ stack: 'dev-security', valid: true, diagnostics: [] });
  });
});
