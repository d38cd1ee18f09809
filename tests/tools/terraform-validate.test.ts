import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describeWhenAvailable('terraform validate (offline, real provider schema)', () => {
  it('validates every stack of every environment', async () => {
    const { outdir, result } = sharedExampleSynth();
    const results = await validateStacks({ outdir, mirror: mirror! });
    expect(results.map((entry) => entry.stack).sort()).toEqual([...result.stacks].sort());
    const failures = results.filter((entry) => !entry.valid).map((entry) => `${entry.stack}: ${entry.diagnostics.join('; ')}`);
    expect(failures).toEqual([]);
  });
});

type StackJson = { resource: Record<string, Record<string, Record<string, unknown>>>; provider: { aws: Record<string, unknown>[] } };

describeWhenAvailable('terraform validate attributes each error to its stack', () => {
  const PLANTED_RESOURCE = 'dev-network';
  const PLANTED_PROVIDER = 'dev-security';
  const CLEAN = 'dev-api-ledger';
  let results: StackValidation[] = [];
  let address = '';

  beforeAll(async () => {
    // Three stacks of the shared output, copied: one with an invalid resource argument, one with an invalid
    // provider argument (a provider block of its own shape), one untouched.
    const shared = sharedExampleSynth().outdir;
    const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-validate-planted-')), 'cdktf.out');
    const manifest = JSON.parse(readFileSync(path.join(shared, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
    manifest.stacks = Object.fromEntries([PLANTED_RESOURCE, PLANTED_PROVIDER, CLEAN].map((id) => [id, manifest.stacks[id]]));
    for (const id of Object.keys(manifest.stacks)) cpSync(path.join(shared, 'stacks', id), path.join(outdir, 'stacks', id), { recursive: true });
    writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify(manifest));

    const edit = (id: string, change: (json: StackJson) => void) => {
      const file = path.join(outdir, 'stacks', id, 'cdk.tf.json');
      const json = JSON.parse(readFileSync(file, 'utf8')) as StackJson;
      change(json);
      writeFileSync(file, JSON.stringify(json, null, 2));
    };
    edit(PLANTED_RESOURCE, (json) => {
      const [type, named] = Object.entries(json.resource)[0]!;
      const name = Object.keys(named)[0]!;
      named[name]!.not_an_argument = 'planted';
      address = `${type}.${name}`;
    });
    edit(PLANTED_PROVIDER, (json) => {
      json.provider.aws[0]!.not_a_provider_argument = 'planted';
    });
    results = await validateStacks({ outdir, mirror: mirror! });
  });

  const resultOf = (stack: string) => results.find((entry) => entry.stack === stack);

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

  it('keeps the other stacks valid', () => {
    expect(resultOf(CLEAN)).toEqual({ stack: CLEAN, valid: true, diagnostics: [] });
  });
});
