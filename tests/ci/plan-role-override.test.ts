import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { planRoleOverride, PLAN_ROLE_OVERRIDE_FILE, writePlanRoleOverride } from '../../tools/ci/plan-role-override';
import { resolveProviderMirror, writeOfflineCliConfig } from '../../tools/terraform/offline-cli-config';
import { commandAvailable, runCommand } from '../../tools/terraform/run-command';
import { sharedExampleSynth } from '../support/shared-example';

describe('read-only plan role override', () => {
  // A copy of the run's shared synthesis: the override is written beside the stack.
  const stackDir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-override-')), 'dev-gateway');
  cpSync(path.join(sharedExampleSynth().outdir, 'stacks', 'dev-gateway'), stackDir, { recursive: true });
  const file = writePlanRoleOverride(stackDir, 'uag-planner');
  const override = JSON.parse(readFileSync(file, 'utf8')) as {
    provider: { aws: { alias?: string; assume_role: { role_arn: string; session_name: string }[] }[] };
  };

  it('points every provider at the plan role in the same account, keeping alias and session name', () => {
    expect(path.basename(file)).toBe(PLAN_ROLE_OVERRIDE_FILE);
    const stack = JSON.parse(readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as typeof override;
    expect(override.provider.aws).toEqual(
      stack.provider.aws.map((provider) => ({
        ...(provider.alias ? { alias: provider.alias } : {}),
        assume_role: [
          { role_arn: provider.assume_role[0].role_arn.replace(/role\/.+$/, 'role/uag-planner'), session_name: provider.assume_role[0].session_name },
        ],
      })),
    );
    expect(override.provider.aws.slice(0, 2)).toEqual([
      { assume_role: [{ role_arn: 'arn:aws:iam::444455556666:role/uag-planner', session_name: 'uag-dev-gateway' }] },
      { alias: 'us_east_1', assume_role: [{ role_arn: 'arn:aws:iam::444455556666:role/uag-planner', session_name: 'uag-dev-gateway' }] },
    ]);
  });

  it('fails for a stack synthesized offline, which assumes no role', () => {
    expect(() => planRoleOverride({ provider: { aws: [{ alias: undefined }] } }, 'uag-planner', 'dev-org')).toThrow(
      /dev-org: provider aws assumes no role; CI plans stacks synthesized for deploy/,
    );
  });

  it('fails on a role name IAM would refuse', () => {
    expect(() => planRoleOverride({ provider: { aws: [] } }, 'uag planner', 'dev-org')).toThrow(
      /UAG_PLAN_TARGET_ROLE_NAME must be an IAM role name, got "uag planner"/,
    );
  });

  const { mirror } = resolveProviderMirror();
  const terraformReady = mirror !== undefined && commandAvailable('terraform');
  (terraformReady ? it : it.skip)('is merged by Terraform onto the provider blocks it overrides (terraform validate)', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'uag-override-tf-'));
    const env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: writeOfflineCliConfig(work, mirror as string),
      TF_DATA_DIR: path.join(work, 'data'),
      CHECKPOINT_DISABLE: '1',
    };
    const init = await runCommand('terraform', ['init', '-backend=false', '-input=false', '-no-color'], { cwd: stackDir, env });
    expect(init.stderr).toBe('');
    // An override whose provider block matched no base block would fail with "Missing base provider configuration for override".
    const validate = await runCommand('terraform', ['validate', '-json', '-no-color'], { cwd: stackDir, env });
    expect(JSON.parse(validate.stdout)).toMatchObject({ valid: true, error_count: 0 });
  });
});
