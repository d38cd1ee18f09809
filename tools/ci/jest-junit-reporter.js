const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/**
 * JUnit XML for GitLab's test report (`artifacts:reports:junit`), without a new dependency: one
 * <testsuite> per test file, one <testcase> per test, <failure> with jest's message, <skipped> for
 * skipped tests. Writes $JEST_JUNIT_FILE (default .tmp/reports/jest-junit.xml).
 */
class JunitReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const file = process.env.JEST_JUNIT_FILE || path.join(this.rootDir, '.tmp', 'reports', 'jest-junit.xml');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, junitXml(results, this.rootDir));
  }
}

function junitXml(results, rootDir) {
  const suites = results.testResults.map((suite) => {
    const name = path.relative(rootDir, suite.testFilePath);
    const cases = suite.testResults.map((test) => {
      const open = `    <testcase classname="${xml([name, ...test.ancestorTitles].join(' › '))}" name="${xml(test.title)}" time="${((test.duration || 0) / 1000).toFixed(3)}"`;
      if (test.status === 'failed') return `${open}>\n      <failure message="${xml(firstLine(test.failureMessages))}">${xml(stripAnsi(test.failureMessages.join('\n')))}</failure>\n    </testcase>`;
      if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo' || test.status === 'disabled') return `${open}>\n      <skipped/>\n    </testcase>`;
      return `${open}/>`;
    });
    if (suite.testExecError) {
      cases.push(`    <testcase classname="${xml(name)}" name="test file could not run">\n      <error message="${xml(firstLine([suite.testExecError.message]))}">${xml(stripAnsi(suite.testExecError.stack || suite.testExecError.message))}</error>\n    </testcase>`);
    }
    const failures = suite.testResults.filter((test) => test.status === 'failed').length;
    const skipped = suite.testResults.filter((test) => test.status !== 'failed' && test.status !== 'passed').length;
    const seconds = ((suite.perfStats.end - suite.perfStats.start) / 1000).toFixed(3);
    return `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="${suite.testExecError ? 1 : 0}" skipped="${skipped}" time="${seconds}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="jest" tests="${results.numTotalTests}" failures="${results.numFailedTests}" errors="${results.numRuntimeErrorTestSuites}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function firstLine(messages) {
  return stripAnsi((messages[0] || '').split('\n').find((line) => line.trim() !== '') || 'failed').trim();
}

function stripAnsi(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function xml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

module.exports = JunitReporter;
module.exports.junitXml = junitXml;
