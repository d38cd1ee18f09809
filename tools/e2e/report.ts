import type { E2eResult, StackOutcome } from './run-e2e';

function replanCell(outcome: StackOutcome): string {
  if (outcome.replanClean === undefined) return 'not run (apply failed)';
  if (outcome.replanClean) return 'clean';
  if (outcome.replanErrors.length > 0) return 'error';
  return `${outcome.replanChanges.length} changes`;
}

/** The per-stack table, every problem with its stack and address, and the one-line summary (last line). */
export function formatReport(environments: string, result: E2eResult): string {
  const lines = [
    '| stack | resources | applied | excluded | failed | re-plan | destroyed | apply s | re-plan s | destroy s |',
    '|---|---:|---:|---:|---:|---|---|---:|---:|---:|',
    ...result.stacks.map(
      (outcome) =>
        `| ${outcome.stack} | ${outcome.declared} | ${outcome.applied} | 0 | ${outcome.failed} | ${replanCell(outcome)} | ${
          outcome.destroyed ? 'yes' : 'NO'
        } | ` + `${outcome.seconds.apply.toFixed(0)} | ${outcome.seconds.plan.toFixed(0)} | ${outcome.seconds.destroy.toFixed(0)} |`,
    ),
  ];
  const problems = result.stacks.flatMap((outcome) => [
    ...outcome.applyErrors.map((error) => `apply   ${outcome.stack}: ${error}`),
    ...outcome.replanChanges.map((change) => `re-plan ${outcome.stack}: ${change.address} ${change.action}`),
    ...outcome.replanErrors.map((error) => `re-plan ${outcome.stack}: ${error}`),
    ...outcome.destroyErrors.map((error) => `destroy ${outcome.stack}: ${error}`),
  ]);
  problems.push(...result.leftovers.map((item) => `leftover in the emulator after destroy: ${item}`));
  if (problems.length > 0) lines.push('', 'Problems:', ...problems.map((problem) => `- ${problem}`));
  lines.push('', summaryLine(environments, result));
  return lines.join('\n');
}

export function summaryLine(environments: string, result: E2eResult): string {
  const count = (predicate: (outcome: StackOutcome) => boolean) => result.stacks.filter(predicate).length;
  const declared = result.stacks.reduce((sum, outcome) => sum + outcome.declared, 0);
  const applied = result.stacks.reduce((sum, outcome) => sum + outcome.applied, 0);
  const total = result.stacks.length;
  return (
    `e2e ${environments}: ${result.ok ? 'PASSED' : 'FAILED'}: ${count(
      (outcome) => outcome.applyErrors.length === 0 && outcome.failed === 0,
    )}/${total} stacks applied ` +
    `(${applied}/${declared} resources, 0 excluded), re-plan clean ${count((outcome) => outcome.replanClean === true)}/${total}, ` +
    `destroyed ${count((outcome) => outcome.destroyed === true)}/${total}, ${result.leftovers.length} left in the emulator, ${result.seconds.toFixed(0)} s`
  );
}
