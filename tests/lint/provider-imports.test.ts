import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/example-config';

/** The project's ESLint configuration must reject root imports of @cdktf/provider-aws and accept deep ones. */
describe('provider import rule', () => {
  // The ESLint CLI, as `make lint` runs it (jest's VM cannot load the ESM flat config in-process).
  const lint = (code: string): { ruleId: string; message: string }[] => {
    const result = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', 'stacks/example.ts', '--format', 'json'], {
      cwd: REPO_ROOT,
      input: code,
      encoding: 'utf8',
    });
    const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return report.messages.filter((message) => message.ruleId === 'no-restricted-imports');
  };

  it('fails when a file imports the package root', () => {
    // Assembled so that repository-wide scans for root imports do not flag this test's own input.
    const root = ['@cdktf', 'provider-aws'].join('/');
    const messages = lint(`import { provider } from '${root}';\nexport const p = provider;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('@cdktf/provider-aws/lib/<resource>');
  });

  it('accepts deep imports of one resource', () => {
    expect(lint("import { Vpc } from '@cdktf/provider-aws/lib/vpc';\nexport const v = Vpc;\n")).toEqual([]);
  });
});
