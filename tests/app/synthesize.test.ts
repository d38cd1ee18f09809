import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { synthesize } from '../../app/synthesize';
import { SelectionError } from '../../app/select-environments';
import { REPO_ROOT } from '../support/example-config';
import { sharedExampleSynth } from '../support/shared-example';

const freshOutdir = () => path.join(mkdtempSync(path.join(tmpdir(), 'uag-synth-')), 'cdktf.out');

describe('synthesize', () => {
  it('writes cdk.tf.json for every stack of dev, staging and prod from the example configuration', () => {
    // The run's one synthesis of the whole example (tests/support/shared-example.ts) is this very call.
    const { outdir, result } = sharedExampleSynth();
    const { stacks } = result;
    for (const environment of ['dev', 'staging', 'prod']) {
      expect(stacks).toEqual(expect.arrayContaining([`${environment}-org`, `${environment}-security`, `${environment}-network`, `${environment}-gateway`]));
    }
    for (const id of stacks) expect(existsSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual([...stacks].sort());
    expect(manifest.stacks['prod-api-payments'].dependencies).toEqual(['prod-gateway']);
  });

  it('selects environments from ENV-style lists', () => {
    const { stacks } = synthesize({ configDir: REPO_ROOT, outdir: freshOutdir(), environments: 'dev, prod' });
    expect(new Set(stacks.map((id) => id.split('-')[0]))).toEqual(new Set(['dev', 'prod']));
  });

  it('fails when ENV names an unknown environment, listing the available ones', () => {
    expect(() => synthesize({ configDir: REPO_ROOT, outdir: freshOutdir(), environments: 'qa' })).toThrow(
      new SelectionError('ENV names unknown environment(s) qa; available: dev, prod, staging'),
    );
  });

  it('replaces the previous output as a whole and leaves no staging directory', () => {
    const outdir = freshOutdir();
    synthesize({ configDir: REPO_ROOT, outdir, environments: 'prod' });
    expect(readdirSync(path.join(outdir, 'stacks')).some((id) => id.startsWith('prod-'))).toBe(true);
    synthesize({ configDir: REPO_ROOT, outdir, environments: 'dev' });
    expect(readdirSync(path.join(outdir, 'stacks')).every((id) => id.startsWith('dev-'))).toBe(true);
    expect(readdirSync(path.dirname(outdir))).toEqual(['cdktf.out']);
  });

  it('produces byte-identical output for the same configuration', () => {
    const first = freshOutdir();
    const second = freshOutdir();
    synthesize({ configDir: REPO_ROOT, outdir: first, environments: 'prod' });
    synthesize({ configDir: REPO_ROOT, outdir: second, environments: 'prod' });
    const read = (outdir: string) => readFileSync(path.join(outdir, 'stacks', 'prod-gateway', 'cdk.tf.json'), 'utf8');
    expect(read(second)).toBe(read(first));
  });
});
