import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// The reporter is plain CommonJS because jest loads reporters without transforming them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JunitReporter = require('../../tools/ci/jest-junit-reporter.js') as new (config: { rootDir: string }) => {
  onRunComplete(contexts: unknown, results: unknown): void;
};

const test = (title: string, status: string, failureMessages: string[] = []) => ({
  ancestorTitles: ['plan report'],
  title,
  status,
  duration: 12,
  failureMessages,
});

describe('jest JUnit reporter', () => {
  it('writes one suite per file and one case per test, with failures and skips', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'uag-junit-')), 'junit.xml');
    process.env.JEST_JUNIT_FILE = file;
    try {
      new JunitReporter({ rootDir: '/repo' }).onRunComplete(new Set(), {
        numTotalTests: 3,
        numFailedTests: 1,
        numRuntimeErrorTestSuites: 0,
        testResults: [
          {
            testFilePath: '/repo/tests/tools/plan-report/cli.test.ts',
            perfStats: { start: 1000, end: 3500 },
            testResults: [
              test('exits 3 on a protected destroy', 'passed'),
              test('counts <replace> & "delete"', 'failed', ['\u001b[31mexpect(received).toBe(expected)\u001b[39m\n\nExpected: 3']),
              test('later', 'pending'),
            ],
          },
        ],
      });
    } finally {
      delete process.env.JEST_JUNIT_FILE;
    }
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('<testsuites name="jest" tests="3" failures="1" errors="0">');
    expect(xml).toContain('<testsuite name="tests/tools/plan-report/cli.test.ts" tests="3" failures="1" errors="0" skipped="1" time="2.500">');
    expect(xml).toContain('<testcase classname="tests/tools/plan-report/cli.test.ts › plan report" name="exits 3 on a protected destroy" time="0.012"/>');
    expect(xml).toContain('name="counts &lt;replace&gt; &amp; &quot;delete&quot;"');
    expect(xml).toContain('<failure message="expect(received).toBe(expected)">expect(received).toBe(expected)\n\nExpected: 3</failure>');
    expect(xml).toMatch(/name="later" time="0.012">\n\s*<skipped\/>/);
    expect(xml).not.toContain('\u001b');
  });
});
