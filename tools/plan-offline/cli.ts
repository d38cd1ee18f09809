import * as path from 'node:path';
import { ConfigError } from '../../lib/config/problems';
import { SelectionError } from '../../app/select-environments';
import { synthesize } from '../../app/synthesize';
import { ALLOW_DESTROY_VARIABLE, parseAllowList } from '../plan-report/destroy-guard';
import { readPlanFile } from '../plan-report/plan-file';
import { buildPlanReport, writePlanReport } from '../plan-report/report';
import { placementsFromConfig } from '../plan-report/stack-placements';
import { resolveProviderMirror } from '../terraform/offline-cli-config';
import { commandAvailable } from '../terraform/run-command';
import { OfflinePlanError, planStacksOffline } from './plan-stacks';
import { skipSourceMappedStackTraces } from '../../lib/stack-traces';

/**
 * `make plan-offline ENV=dev`: the merge-request flow on this machine, with no network and no credentials.
 * Synthesizes in offline mode into cdktf.out.offline (or $UAG_OFFLINE_OUTDIR), plans every stack, writes
 * `plans/<stack>.plan.json` and `plan-report/` there, and prints the summaries CI posts on merge requests.
 * Exit codes: 0 planned, 1 configuration or plan failed, 2 terraform or the provider mirror is missing,
 * 3 the destroy guard blocks (as in CI).
 */
async function main(): Promise<number> {
  const repoRoot = path.resolve(__dirname, '../..');
  const configDir = process.env.UAG_CONFIG_DIR ?? repoRoot;
  const outdir = path.resolve(process.env.UAG_OFFLINE_OUTDIR ?? path.join(repoRoot, 'cdktf.out.offline'));
  const { mirror, reason } = resolveProviderMirror();
  if (!mirror) {
    console.error(`plan-offline: ${reason}`);
    return 2;
  }
  if (!commandAvailable('terraform')) {
    console.error('plan-offline: terraform is not on PATH; install Terraform >= 1.10');
    return 2;
  }

  const started = Date.now();
  try {
    const { stacks } = synthesize({ configDir, outdir, environments: process.env.ENV, offline: true });
    console.error(`plan-offline: synthesized ${stacks.length} stacks offline into ${path.relative(process.cwd(), outdir)}`);
  } catch (error) {
    // Configuration problems, an unknown ENV, guardrail violations: synthesis explains them; nothing to plan.
    const known = error instanceof ConfigError || error instanceof SelectionError;
    console.error(`${known ? '' : 'plan-offline: synthesis failed: '}${(error as Error).message}`);
    return 1;
  }

  const planned = await planStacksOffline({ outdir, mirror, planDir: path.join(outdir, 'plans') });
  const failed = planned.filter((result) => result.error !== undefined);
  for (const result of failed) console.error(`plan-offline: terraform plan failed in ${result.stack}:\n${indent(result.error ?? '')}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.error(
    `plan-offline: ${planned.length - failed.length} of ${planned.length} stacks planned in ${seconds} s (no network, no credentials, mirror ${mirror})`,
  );
  if (failed.length > 0) return 1;

  const plans = planned.map((result) => readPlanFile(result.planJson as string));
  const report = buildPlanReport(
    plans,
    placementsFromConfig(
      configDir,
      plans.map((plan) => plan.stack),
    ),
    parseAllowList(process.env[ALLOW_DESTROY_VARIABLE]),
  );
  const reportDir = path.join(outdir, 'plan-report');
  writePlanReport(reportDir, report);
  for (const markdown of report.summaries.values()) console.log(markdown);
  console.error(`plan-offline: plans in ${path.relative(process.cwd(), path.join(outdir, 'plans'))}, report in ${path.relative(process.cwd(), reportDir)}`);
  if (report.guard.blocked) {
    console.error(`plan-offline: destroy guard: protected resources destroyed or replaced without ${ALLOW_DESTROY_VARIABLE} (see the summary)`);
    return 3;
  }
  return 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

skipSourceMappedStackTraces();
main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`plan-offline: ${error instanceof OfflinePlanError ? '' : 'unexpected error: '}${error.message}`);
    process.exitCode = 1;
  },
);
