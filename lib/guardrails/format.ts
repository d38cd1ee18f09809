import { errorsOf, type Finding, type GuardrailReport } from './findings';

/**
 * Console rendering of guardrail reports: errors with rule id, stack, address, fix and how to suppress;
 * warnings; every applied suppression with its reason; suppressions that matched nothing.
 */

export function formatReports(reports: readonly GuardrailReport[]): string {
  return reports.flatMap(reportLines).join('\n');
}

/** The text printed when synth stops on error findings. */
export function formatFailure(reports: readonly GuardrailReport[], outdir: string): string {
  const errors = errorsOf(reports);
  const heading = `Guardrails failed with ${errors.length} error${errors.length === 1 ? '' : 's'}; synthesis stopped and ${outdir} was left as it was.`;
  return [heading, formatReports(reports)].join('\n');
}

/** One line per environment: counts only, for logs and the plan report. */
export function summaryLine(report: GuardrailReport): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.length - errors;
  return (
    `Guardrails ${report.environment}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ` +
    `${report.suppressed.length} suppressed (${report.rules} rules, ${report.stacks} stacks, ${report.resources} resources)`
  );
}

function reportLines(report: GuardrailReport): string[] {
  return [
    summaryLine(report),
    ...report.findings.flatMap((finding) => findingLines(finding, report.file)),
    ...report.suppressed.map((finding) => `  suppressed ${locate(finding)}: ${finding.detail}\n      reason: ${finding.reason}`),
    ...report.unusedSuppressions.map(
      (suppression) =>
        `  unused suppression in ${report.file}: ${suppression.rule} on ${suppression.resource}${suppression.stack ? ` in ${suppression.stack}` : ''} matched no finding; remove it`,
    ),
  ];
}

function findingLines(finding: Finding, file: string): string[] {
  const lines = [`  ${finding.severity} ${locate(finding)}: ${finding.detail}`, `      rule: ${finding.what}`, `      fix: ${finding.fix}`];
  if (finding.severity === 'error') {
    lines.push(
      `      or accept it in ${file} under guardrails.suppressions: { rule: ${finding.ruleId}, resource: "${finding.address}", stack: ${finding.stack}, reason: "<why, who, until when>" }`,
    );
  }
  return lines;
}

function locate(finding: Finding): string {
  return `${finding.ruleId} ${finding.stack} ${finding.address}`;
}
