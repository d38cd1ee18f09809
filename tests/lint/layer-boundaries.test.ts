import { lintOnce } from '../support/eslint';

/** Planted files that import a layer above theirs: file, code, and the reason the message must give. */
const PLANTED: readonly [file: string, code: string, reason: string][] = [
  ['modules/gateway/planted.ts', "import type { GatewayStack } from '../../stacks/gateway-stack';\nexport type G = GatewayStack;\n", 'stacks/contracts'],
  ['modules/network/planted.ts', "import { crossStackValue } from '../../lib/cross-stack';\nexport const c = crossStackValue;\n", 'stacks/contracts'],
  ['lib/config/planted.ts', "import { ServiceApi } from '../../modules/gateway/service-api';\nexport const s = ServiceApi;\n", 'lib/ is the bottom layer'],
  ['lib/planted.ts', "import { handler } from '../lambdas/authorizer/index';\nexport const h = handler;\n", 'lib/ is the bottom layer'],
  ['lambdas/authorizer/planted.ts', "import { ApiAuthorizer } from '../../modules/lambda/authorizer';\nexport const a = ApiAuthorizer;\n", 'bundled alone'],
  ['stacks/planted.ts', "import { runValidate } from '../tools/validate/cli';\nexport const r = runValidate;\n", 'stacks compose modules'],
];

/** Planted files whose imports point down. */
const ACCEPTED: readonly { file: string; code: string }[] = [
  {
    file: 'stacks/planted.ts',
    code: "import { ServiceApi } from '../modules/gateway/service-api';\nimport { resourceName } from '../lib/naming';\nexport const x = [ServiceApi, resourceName];\n",
  },
  { file: 'modules/gateway/planted.ts', code: "import { resourceName } from '../../lib/naming';\nexport const x = resourceName;\n" },
  { file: 'lambdas/authorizer/planted.ts', code: "import { findRoute } from '../../lib/authorizer/route-table';\nexport const x = findRoute;\n" },
];

// All planted sources linted in one ESLint process; the no-restricted-imports messages of the source at an index.
const lint = lintOnce([...PLANTED.map(([file, code]) => ({ file, code })), ...ACCEPTED]);
const violations = (index: number): string[] =>
  lint(index)
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);

/** The layers point down (eslint.config.mjs): a file may not import a layer above it. */
describe('layer boundaries', () => {
  it.each(PLANTED)('fails when %s imports a layer above it', (file, _code, reason) => {
    const messages = violations(PLANTED.findIndex((planted) => planted[0] === file));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
  });

  it('accepts imports that point down', () => {
    for (const index of ACCEPTED.keys()) expect(violations(PLANTED.length + index)).toEqual([]);
  });
});
