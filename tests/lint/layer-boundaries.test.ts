import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/example-config';

/** The layers point down (eslint.config.mjs): a file may not import a layer above it. */
describe('layer boundaries', () => {
  // The ESLint CLI, as `make lint` runs it, on a planted file (jest's VM cannot load the ESM flat config in-process).
  const violations = (file: string, code: string): string[] => {
    const result = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', file, '--format', 'json'], {
      cwd: REPO_ROOT,
      input: code,
      encoding: 'utf8',
    });
    const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return report.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
  };

  it.each([
    ['modules/gateway/planted.ts', "import type { GatewayStack } from '../../stacks/gateway-stack';\nexport type G = GatewayStack;\n", 'stacks/contracts'],
    ['modules/network/planted.ts', "import { crossStackValue } from '../../lib/cross-stack';\nexport const c = crossStackValue;\n", 'stacks/contracts'],
    ['lib/config/planted.ts', "import { ServiceApi } from '../../modules/gateway/service-api';\nexport const s = ServiceApi;\n", 'lib/ is the bottom layer'],
    ['lib/planted.ts', "import { handler } from '../lambdas/authorizer/index';\nexport const h = handler;\n", 'lib/ is the bottom layer'],
    ['lambdas/authorizer/planted.ts', "import { ApiAuthorizer } from '../../modules/lambda/authorizer';\nexport const a = ApiAuthorizer;\n", 'bundled alone'],
    ['stacks/planted.ts', "import { runValidate } from '../tools/validate/cli';\nexport const r = runValidate;\n", 'stacks compose modules'],
  ])('fails when %s imports a layer above it', (file, code, reason) => {
    const messages = violations(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
  });

  it('accepts imports that point down', () => {
    expect(
      violations(
        'stacks/planted.ts',
        "import { ServiceApi } from '../modules/gateway/service-api';\nimport { resourceName } from '../lib/naming';\nexport const x = [ServiceApi, resourceName];\n",
      ),
    ).toEqual([]);
    expect(violations('modules/gateway/planted.ts', "import { resourceName } from '../../lib/naming';\nexport const x = resourceName;\n")).toEqual([]);
    expect(violations('lambdas/authorizer/planted.ts', "import { findRoute } from '../../lib/authorizer/route-table';\nexport const x = findRoute;\n")).toEqual(
      [],
    );
  });
});
