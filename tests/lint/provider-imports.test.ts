import { lintOnce } from '../support/eslint';

// Assembled so that repository-wide scans for root imports do not flag this test's own input.
const ROOT = ['@cdktf', 'provider-aws'].join('/');

// Both sources linted in one ESLint process, as `make lint` configures it.
const lint = lintOnce([
  { file: 'stacks/example.ts', code: `import { provider } from '${ROOT}';\nexport const p = provider;\n` },
  { file: 'stacks/example.ts', code: "import { Vpc } from '@cdktf/provider-aws/lib/vpc';\nexport const v = Vpc;\n" },
]);
const restrictedImports = (index: number) => lint(index).filter((message) => message.ruleId === 'no-restricted-imports');

/** The project's ESLint configuration must reject root imports of @cdktf/provider-aws and accept deep ones. */
describe('provider import rule', () => {
  it('fails when a file imports the package root', () => {
    const messages = restrictedImports(0);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('@cdktf/provider-aws/lib/<resource>');
  });

  it('accepts deep imports of one resource', () => {
    expect(restrictedImports(1)).toEqual([]);
  });
});
