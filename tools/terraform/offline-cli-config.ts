import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Environment variable naming a provider filesystem mirror (Terraform's "unpacked" or "packed" layout). */
export const PROVIDER_MIRROR_VARIABLE = 'UAG_PROVIDER_MIRROR';

/**
 * Terraform CLI configuration that installs providers only from the mirror: no `direct` block,
 * so Terraform never contacts a registry. This is Terraform's standard mechanism, so an air-gapped
 * user points the same variable at their own mirror.
 */
export function offlineCliConfig(mirrorDir: string): string {
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(path.resolve(mirrorDir))}`,
    '    include = ["registry.terraform.io/*/*"]',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Writes the CLI configuration into `directory` and returns its path (for TF_CLI_CONFIG_FILE). */
export function writeOfflineCliConfig(directory: string, mirrorDir: string): string {
  const file = path.join(directory, 'terraform-offline.tfrc');
  writeFileSync(file, offlineCliConfig(mirrorDir));
  return file;
}

/** The mirror to use, or why there is none; callers decide whether that is an error or a skip. */
export function resolveProviderMirror(env: NodeJS.ProcessEnv = process.env): { mirror?: string; reason?: string } {
  const mirror = env[PROVIDER_MIRROR_VARIABLE];
  if (!mirror) {
    return {
      reason: `${PROVIDER_MIRROR_VARIABLE} is not set; point it at a Terraform provider filesystem mirror holding hashicorp/aws 5.100.0 (e.g. /opt/tf-plugins)`,
    };
  }
  if (!existsSync(path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws'))) {
    return { reason: `${PROVIDER_MIRROR_VARIABLE}=${mirror} holds no registry.terraform.io/hashicorp/aws provider` };
  }
  return { mirror };
}

/**
 * Environment for terraform runs that must stay offline: the mirror-only CLI configuration, a data directory
 * shared by every stack (one init serves them all: they use the same single provider), and no credentials from
 * the caller's environment.
 */
export function offlineTerraformEnvironment(workDir: string, mirrorDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: writeOfflineCliConfig(workDir, mirrorDir),
    TF_DATA_DIR: path.join(workDir, 'data'),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    AWS_PROFILE: '',
    AWS_ACCESS_KEY_ID: '',
    AWS_SECRET_ACCESS_KEY: '',
    AWS_SESSION_TOKEN: '',
  };
}
