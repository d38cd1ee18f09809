import { createHash } from 'node:crypto';
import type { StackLint } from './run-tflint';

/** One entry of GitLab's Code Quality report (the CodeClimate subset GitLab reads). */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

const SEVERITY: Record<string, CodeQualityIssue['severity']> = { error: 'critical', warning: 'major', notice: 'minor' };

/**
 * GitLab Code Quality JSON for the merge request widget. The fingerprint leaves out the line number,
 * so an unrelated change that shifts cdk.tf.json does not make an old finding look new; identical
 * findings in one file are told apart by their order.
 */
export function codeQualityReport(lints: readonly StackLint[]): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  const entries: CodeQualityIssue[] = [];
  for (const lint of lints) {
    for (const issue of lint.issues) {
      const key = [lint.stack, issue.rule.name, issue.message].join('\u0000');
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      entries.push({
        description: `${lint.stack}: ${issue.message}${issue.rule.link ? ` (${issue.rule.link})` : ''}`,
        check_name: `tflint/${issue.rule.name}`,
        fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex'),
        severity: SEVERITY[issue.rule.severity] ?? 'info',
        location: { path: lint.file, lines: { begin: issue.range.start.line } },
      });
    }
    for (const error of lint.errors) {
      entries.push({
        description: `${lint.stack}: tflint could not lint this stack: ${error}`,
        check_name: 'tflint/run-error',
        fingerprint: createHash('sha256').update(`${lint.stack}\u0000run-error\u0000${error}`).digest('hex'),
        severity: 'blocker',
        location: { path: lint.file, lines: { begin: 1 } },
      });
    }
  }
  return entries;
}
