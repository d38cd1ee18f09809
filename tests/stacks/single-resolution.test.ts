import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App, Aspects, TerraformStack } from 'cdktf';
import { synthesize } from '../../app/synthesize';
import { LandingZoneStack } from '../../stacks/base-stack';
import { exampleEnvironment, REPO_ROOT } from '../support/example-config';
import { sharedExampleSynth } from '../support/shared-example';

/**
 * LandingZoneStack resolves every element once (lib/single-resolution.ts) where stock cdktf resolves it twice and the
 * whole document a third time. What it writes must be what stock cdktf writes: every example stack, both modes, byte
 * for byte, including the cross-stack outputs and remote states that only exist after preparation.
 */
function stockSynthesis(offline: boolean): string {
  const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-stock-')), 'cdktf.out');
  const prepare = jest.spyOn(LandingZoneStack.prototype, 'prepareStack').mockImplementation(function (this: LandingZoneStack) {
    TerraformStack.prototype.prepareStack.call(this);
  });
  const toTerraform = jest.spyOn(LandingZoneStack.prototype, 'toTerraform').mockImplementation(function (this: LandingZoneStack) {
    return TerraformStack.prototype.toTerraform.call(this) as unknown;
  });
  try {
    synthesize({ configDir: REPO_ROOT, outdir, offline });
  } finally {
    prepare.mockRestore();
    toTerraform.mockRestore();
  }
  return outdir;
}

const stackDocuments = (outdir: string): Map<string, string> =>
  new Map(readdirSync(path.join(outdir, 'stacks')).map((id) => [id, readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')]));

describe.each([
  ['deploy', false],
  ['offline', true],
] as const)('single resolution, %s mode', (mode, offline) => {
  it('writes every example stack exactly as stock cdktf does', () => {
    const stock = stackDocuments(stockSynthesis(offline));
    const ours = stackDocuments(sharedExampleSynth(mode).outdir);
    expect([...ours.keys()].sort()).toEqual([...stock.keys()].sort());
    const differing = [...stock].filter(([id, document]) => ours.get(id) !== document).map(([id]) => id);
    expect(differing).toEqual([]);
    if (!offline) expect([...ours.values()].some((document) => document.includes('"cross-stack-output-'))).toBe(true);
  });
});

describe('single resolution with aspects', () => {
  it('writes what an aspect changed after preparation', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'uag-aspect-'));
    const app = new App({ outdir });
    const stack = new LandingZoneStack(app, { environment: exampleEnvironment('dev'), kind: 'gateway', accountAlias: 'gateway' });
    const bucket = new S3Bucket(stack, 'bucket', { bucket: 'uag-aspect-test', provider: stack.provider });
    Aspects.of(stack).add({ visit: (node) => (node === bucket ? bucket.addOverride('force_destroy', false) : undefined) });
    app.synth();
    const document = JSON.parse(readFileSync(path.join(outdir, 'stacks', stack.stackId, 'cdk.tf.json'), 'utf8'));
    expect(document.resource.aws_s3_bucket.bucket).toEqual(expect.objectContaining({ bucket: 'uag-aspect-test', force_destroy: false }));
  });
});
