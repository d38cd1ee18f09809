import { App, DataResource, TerraformStack } from 'cdktf';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { withTerraformVersionCheckedOnce } from '../../app/terraform-version-check';
import { diskCache } from '../../lib/disk-cache';
import { synthInProcess } from '../support/run-synth';
import { REPO_ROOT } from '../support/example-config';
import { restoreEnvAfterEach } from '../support/restore-env';

// The module object cdktf calls through (an ES namespace import would be a frozen copy that cannot be spied on).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const childProcess = require('child_process') as typeof import('child_process');

/**
 * `terraform version` as cdktf starts it (child_process.execSync, looked up at each call), answering the given version
 * and counting starts. Jest's sandboxed process.env does not reach a real child's PATH, so the start is replaced here.
 */
function fakeTerraform(version: string): { starts: () => number } {
  const execSync = jest.spyOn(childProcess, 'execSync').mockImplementation((command) => {
    if (command !== 'terraform version') throw new Error(`unexpected command ${String(command)}`);
    return Buffer.from(`Terraform v${version}\non linux_amd64\n`);
  });
  return { starts: () => execSync.mock.calls.length };
}

restoreEnvAfterEach('PATH');
restoreEnvAfterEach('UAG_DISK_CACHE');
afterEach(() => {
  jest.restoreAllMocks();
});

/** A disk cache of its own per test, so fake answers never reach the real one. */
const privateCache = () => diskCache('terraform-version', mkdtempSync(path.join(tmpdir(), 'uag-version-cache-')));

/** An executable `terraform` (never run: execSync is faked) alone on PATH; returns its path. */
function terraformOnPath(contents = '#!/bin/sh\n'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'uag-terraform-bin-'));
  const binary = path.join(dir, 'terraform');
  writeFileSync(binary, contents, { mode: 0o755 });
  process.env.PATH = dir;
  return binary;
}

/** An app whose stack holds three `terraform_data` resources: cdktf asks terraform's version for each. */
function appWithDataResources(): App {
  const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'uag-version-check-')) });
  const stack = new TerraformStack(app, 'stack');
  for (const id of ['One', 'Two', 'Three']) new DataResource(stack, id, { input: { id } });
  return app;
}

describe('withTerraformVersionCheckedOnce', () => {
  it('starts terraform once per synth instead of once per construct that needs a recent terraform', () => {
    const terraform = fakeTerraform('1.11.0');
    appWithDataResources().synth();
    expect(terraform.starts()).toBe(3);
    withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), privateCache());
    expect(terraform.starts()).toBe(4);
  });

  it('still fails the synth, with cdktf message, when terraform is older than a construct needs', () => {
    fakeTerraform('1.3.0');
    expect(() => withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), privateCache())).toThrow(
      /terraform version 1\.3\.0 is lower than the required version >=1\.4 for this construct\. The built-in Terraform data resource is only supported for Terraform >=1\.4/,
    );
  });

  it('keeps the answer for the next run until the terraform binary changes, and leaves cdktf as it was afterwards', () => {
    const binary = terraformOnPath();
    const cache = privateCache();
    const terraform = fakeTerraform('1.11.0');
    withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), cache);
    withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), cache);
    expect(terraform.starts()).toBe(1);
    writeFileSync(binary, '#!/bin/sh\n# another terraform\n');
    withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), cache);
    expect(terraform.starts()).toBe(2);
    appWithDataResources().synth();
    expect(terraform.starts()).toBe(5);
  });

  it('asks in every run when the command starts no file it can find on PATH', () => {
    process.env.PATH = mkdtempSync(path.join(tmpdir(), 'uag-empty-path-'));
    const cache = privateCache();
    const terraform = fakeTerraform('1.11.0');
    withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), cache);
    withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), cache);
    expect(terraform.starts()).toBe(2);
  });

  it('keeps a too-old answer only for that binary: the failure repeats until terraform is replaced', () => {
    const binary = terraformOnPath();
    const cache = privateCache();
    fakeTerraform('1.3.0');
    expect(() => withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), cache)).toThrow(/terraform version 1\.3\.0 is lower/);
    expect(() => withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), cache)).toThrow(/terraform version 1\.3\.0 is lower/);
    writeFileSync(binary, '#!/bin/sh\n# terraform 1.11\n');
    jest.restoreAllMocks();
    fakeTerraform('1.11.0');
    expect(() => withTerraformVersionCheckedOnce(() => appWithDataResources().synth(), cache)).not.toThrow();
  });

  it('is what synthesis uses: a synth of dev starts terraform once', () => {
    process.env.UAG_DISK_CACHE = 'off';
    const terraform = fakeTerraform('1.11.0');
    const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-version-check-dev-')), 'out');
    const run = synthInProcess({ configDir: REPO_ROOT, outdir, env: { ENV: 'dev' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(terraform.starts()).toBe(1);
  });
});
