import type { StackLint } from './run-tflint';

/**
 * JUnit XML with one test case per stack: a `<failure>` lists its issues of severity error, an
 * `<error>` says tflint could not run, warnings and notices go to `<system-out>` without failing.
 */
export function junitReport(lints: readonly StackLint[]): string {
  const failures = lints.filter((lint) => lint.errors.length === 0 && lint.issues.some((issue) => issue.rule.severity === 'error')).length;
  const errors = lints.filter((lint) => lint.errors.length > 0).length;
  const cases = lints.map((lint) => {
    const failing = lint.issues.filter((issue) => issue.rule.severity === 'error');
    const other = lint.issues.filter((issue) => issue.rule.severity !== 'error');
    const body: string[] = [];
    if (lint.errors.length > 0) {
      body.push(`      <error message="${xml(`tflint could not lint ${lint.stack}`)}">${xml(lint.errors.join('\n'))}</error>`);
    } else if (failing.length > 0) {
      body.push(
        `      <failure message="${xml(`${failing.length} tflint error(s)`)}" type="tflint">${xml(failing.map((issue) => describe(lint, issue)).join('\n'))}</failure>`,
      );
    }
    if (other.length > 0) body.push(`      <system-out>${xml(other.map((issue) => describe(lint, issue)).join('\n'))}</system-out>`);
    const open = `    <testcase classname="tflint" name="${xml(lint.stack)}" file="${xml(lint.file)}"`;
    return body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tflint" tests="${lints.length}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="tflint" tests="${lints.length}" failures="${failures}" errors="${errors}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function describe(lint: StackLint, issue: StackLint['issues'][number]): string {
  return `${issue.rule.severity} ${issue.rule.name}: ${issue.message} (${lint.file}:${issue.range.start.line})`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
