import * as path from 'node:path';
import { Command } from 'commander';
import { ConfigError } from '../../lib/config/problems';
import { ALLOW_DESTROY_VARIABLE, AllowListError, parseAllowList } from './destroy-guard';
import { AffectedFileError, readAffected } from '../ci/affected-stacks';
import { PlanFileError, readPlanFile } from './plan-file';
import { buildPlanReport, UnknownStackError, writePlanReport } from './report';
import { placementsFromConfig } from './stack-placements';
import { skipSourceMappedStackTraces } from '../../lib/stack-traces';

/** Exit codes CI relies on (documented in docs/ci.md). */
export const EXIT = { ok: 0, unexpected: 1, badInput: 2, protectedDestroy: 3 } as const;

/**
 * plan-report [--out dir] [--no-guard] [--affected affected.json] <stack-id>.plan.json...
 * Writes one GitLab Terraform report per stack and one Markdown summary per environment, prints the
 * summaries, and exits 3 when a protected resource is destroyed or replaced without an allowance.
 */
export function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const program = new Command('plan-report')
    .description('Summarize `terraform show -json` plans: GitLab widget reports, Markdown per environment, destroy guard')
    .argument('[plans...]', 'plan JSON files named <stack-id>.plan.json (none when --affected says nothing changed)')
    .option('--affected <file>', 'affected.json of the merge request: say what was skipped; removed stacks go through the destroy guard')
    .option('--out <dir>', 'directory for <stack>.terraform-report.json and summary-<env>.md', 'plan-report')
    .option('--config-dir <dir>', 'configuration root (environments/, services/)', env.UAG_CONFIG_DIR ?? path.resolve(__dirname, '../..'))
    .option('--allow-destroy <entries>', `protected destroys to allow, <stack>:<address> separated by spaces or commas (default: $${ALLOW_DESTROY_VARIABLE})`)
    .option('--no-guard', 'report only; never exit 3 (per-stack plan jobs; the summary job applies the guard)')
    .option('--quiet', 'do not print the summaries')
    .exitOverride();
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    return (error as { exitCode?: number }).exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  const options = program.opts<{ out: string; configDir: string; allowDestroy?: string; guard: boolean; quiet?: boolean; affected?: string }>();
  if (program.args.length === 0 && !options.affected) {
    console.error('plan-report: no plan files given; pass <stack-id>.plan.json files (or --affected when no stack changed)');
    return EXIT.badInput;
  }
  try {
    const allowList = parseAllowList(options.allowDestroy ?? env[ALLOW_DESTROY_VARIABLE]);
    const plans = program.args.map((file) => readPlanFile(file));
    const affected = options.affected ? { result: readAffected(options.affected), file: options.affected } : undefined;
    // Every environment when scoped by affected stacks (each gets a note); otherwise only those of the plans.
    const placements = placementsFromConfig(options.configDir, affected ? undefined : plans.map((plan) => plan.stack));
    const report = buildPlanReport(plans, placements, allowList, affected);
    const written = writePlanReport(options.out, report);
    if (!options.quiet) for (const markdown of report.summaries.values()) console.log(markdown);
    console.error(`plan-report: wrote ${written.length} files into ${options.out}`);
    if (options.guard && report.guard.blocked) {
      const blocked = report.guard.findings.filter((finding) => !finding.allowed);
      console.error(`plan-report: destroy guard: ${blocked.length} protected resource(s) destroyed or replaced without ${ALLOW_DESTROY_VARIABLE}:`);
      for (const finding of blocked) console.error(`  ${finding.stack}:${finding.address} (${finding.reason})`);
      return EXIT.protectedDestroy;
    }
    return EXIT.ok;
  } catch (error) {
    if (
      error instanceof PlanFileError ||
      error instanceof UnknownStackError ||
      error instanceof ConfigError ||
      error instanceof AllowListError ||
      error instanceof AffectedFileError
    ) {
      console.error(`plan-report: ${(error as Error).message}`);
      return EXIT.badInput;
    }
    throw error;
  }
}

if (require.main === module) {
  skipSourceMappedStackTraces();
  process.exitCode = main(process.argv.slice(2));
}
