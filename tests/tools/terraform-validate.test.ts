import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { synthesize } from '../../lib/synth/synthesize';
import { resolveProviderMirror } from '../../tools/terraform/offline-cli-config';
import { commandAvailable } from '../../tools/terraform/run-command';
import { validateStacks } from '../../tools/terraform/validate-stacks';
import { REPO_ROOT } from '../support/example-config';

/**
 * Rung 5 of the verification ladder: every synthesized stack passes `terraform validate` against the real
 * hashicorp/aws schema, offline. Needs terraform and a provider mirror (UAG_PROVIDER_MIRROR); .ci/run sets it.
 */
const { mirror, reason: mirrorMissing } = resolveProviderMirror();
const skipReason = !commandAvailable('terraform') ? 'terraform is not on PATH' : mirrorMissing;
if (skipReason) {
  console.warn(`SKIPPED terraform validate of every stack: ${skipReason}`);
}
const describeWhenAvailable = skipReason ? describe.skip : describe;

describeWhenAvailable('terraform validate (offline, real provider schema)', () => {
  const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-validate-test-')), 'cdktf.out');
  let results: Awaited<ReturnType<typeof validateStacks>> = [];
  let stacks: string[] = [];

  beforeAll(async () => {
    stacks = synthesize({ configDir: REPO_ROOT, outdir }).stacks;
    results = await validateStacks({ outdir, mirror: mirror! });
    // A safety net, not a performance check: about 2.5 s per stack on two cores, more on a busy machine.
  }, 900_000);

  it('validates every stack of every environment', () => {
    expect(results.map((result) => result.stack).sort()).toEqual([...stacks].sort());
    const failures = results.filter((result) => !result.valid).map((result) => `${result.stack}: ${result.diagnostics.join('; ')}`);
    expect(failures).toEqual([]);
  });
});
