import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { readManifest } from '../terraform/manifest';
import { commandAvailable } from '../terraform/run-command';
import { codeQualityReport } from './code-quality';
import { junitReport } from './junit';
import { initTflint, lintStacks } from './run-tflint';

/**
 * Exit codes (docs/ci.md): 0 no error-severity issue, 1 an error-severity issue, 2 tflint failed to run
 * in a stack or bad input, 127 tflint is not installed (the shell's "command not found").
 */
export const EXIT = { ok: 0, issues: 1, failed: 2, notInstalled: 127 } as const;

/** `make tflint`: lints every synthesized stack with the root .tflint.hcl and writes Code Quality JSON and JUnit XML. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = new Command('tflint')
    .description('tflint in every stack of cdktf.out; GitLab Code Quality and JUnit reports')
    .option('--outdir <dir>', 'cdktf output directory', env.CDKTF_OUTDIR ?? 'cdktf.out')
    .option('--config <file>', 'the one tflint configuration', '.tflint.hcl')
    .option('--reports <dir>', 'where tflint-codequality.json and tflint-junit.xml go', path.join('.tmp', 'reports'))
    .option('--init', 'run `tflint --init` first (installs the pinned AWS ruleset; needs network once)')
    .exitOverride();
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    return (error as { exitCode?: number }).exitCode === 0 ? EXIT.ok : EXIT.failed;
  }
  const options = program.opts<{ outdir: string; config: string; reports: string; init?: boolean }>();
  const tflint = env.TFLINT || 'tflint';
  if (!commandAvailable(tflint, ['--version'])) {
    console.error(
      `tflint: "${tflint}" is not installed or not on PATH. Install tflint (https://github.com/terraform-linters/tflint, ` +
        'e.g. the ghcr.io/terraform-linters/tflint image in CI), or set TFLINT to its path. Nothing was linted.',
    );
    return EXIT.notInstalled;
  }
  const config = path.resolve(options.config);
  if (!existsSync(config)) {
    console.error(`tflint: ${options.config} does not exist; the repository root holds the one .tflint.hcl`);
    return EXIT.failed;
  }
  let stacks;
  try {
    stacks = readManifest(path.resolve(options.outdir));
  } catch (error) {
    console.error(`tflint: ${(error as Error).message}`);
    return EXIT.failed;
  }
  if (options.init) {
    const failure = await initTflint({ config, tflint });
    if (failure) {
      console.error(`tflint: tflint --init failed (the AWS ruleset is downloaded once; set GITHUB_TOKEN against rate limits):\n${failure}`);
      return EXIT.failed;
    }
  }

  const lints = await lintStacks(stacks, { config, tflint });
  mkdirSync(options.reports, { recursive: true });
  writeFileSync(path.join(options.reports, 'tflint-codequality.json'), JSON.stringify(codeQualityReport(lints), null, 2) + '\n');
  writeFileSync(path.join(options.reports, 'tflint-junit.xml'), junitReport(lints));

  for (const lint of lints) {
    const status = lint.errors.length > 0 ? 'FAILED ' : lint.issues.length > 0 ? 'issues ' : 'ok     ';
    console.log(`${status} ${lint.stack}`);
    for (const error of lint.errors) console.log(`        ${error}`);
    for (const issue of lint.issues)
      console.log(`        ${issue.rule.severity} ${issue.rule.name}: ${issue.message} (${lint.file}:${issue.range.start.line})`);
  }
  const failed = lints.filter((lint) => lint.errors.length > 0).length;
  const errorIssues = lints.flatMap((lint) => lint.issues).filter((issue) => issue.rule.severity === 'error').length;
  const otherIssues = lints.flatMap((lint) => lint.issues).length - errorIssues;
  console.log(`tflint: ${lints.length} stacks, ${errorIssues} errors, ${otherIssues} warnings/notices, ${failed} not linted; reports in ${options.reports}`);
  if (failed > 0) return EXIT.failed;
  return errorIssues > 0 ? EXIT.issues : EXIT.ok;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      console.error(`tflint: ${error.message}`);
      process.exitCode = EXIT.failed;
    },
  );
}
