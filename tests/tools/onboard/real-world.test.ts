import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { copyExampleConfig } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { onboardAsTheMessagesSay, REAL_WORLD, REAL_WORLD_FIXTURES, realWorldOptions } from './real-world-fixtures';
import { onboard } from './run-onboard';

/**
 * Acceptance of issue 14 on real, public API definitions: the first import refuses with every problem in one run
 * (file, line:column, pointer, rule, fix; the command-line options it needs too) and changes nothing; doing what the
 * messages say (the hand fixes and options they ask for, and `--fix` for the rest) onboards the service with a clean
 * check. The Lambda APIs (SAM, the Terraform template) become Lambda services with cors:, the others VPC-link ones. synth-validate.test.ts takes the same
 * services on through synth and terraform validate.
 */
describe.each(REAL_WORLD_FIXTURES.map((fixture) => [fixture.file, fixture] as const))('real-world definition %s', (file, fixture) => {
  it('is refused with every problem in one run, each located in the file, and the tree unchanged', async () => {
    const dir = copyExampleConfig();
    const before = snapshotTree(dir);
    const run = await onboard(dir, ['import', path.join(REAL_WORLD, file), ...realWorldOptions(fixture)]);
    expect(run.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
    const lines = run.stderr.split('\n');
    const problems = lines.filter((line) => line.startsWith(`  ${path.join(REAL_WORLD, file)}:`));
    const options = lines.filter((line) => line.startsWith('  (command line): '));
    const shown = [
      ...options.map((line) => `- (command line) ${/^ {2}\(command line\): (\S+):/.exec(line)?.[1]}`),
      ...problems.map((line) => {
        const rule = /\[(UAG-OAS-\d{3})\]$/.exec(line)?.[1] ?? '-';
        const where = /^ {2}\S+?:\d+:\d+: (\S+):/.exec(line)?.[1];
        return `${rule} ${where}`;
      }),
    ];
    expect(shown).toEqual(fixture.refusal);
    // Every problem in the file has a line:column there, and every problem a fix on the next line.
    expect(problems.every((line) => /^ {2}\S+?:\d+:\d+: /.test(line))).toBe(true);
    expect(lines.filter((line) => line.startsWith('    fix: ')).length).toBe(problems.length + options.length);
  });

  it('onboards once the fixes the messages name are made, and check finds no error', async () => {
    const dir = copyExampleConfig();
    const imported = await onboardAsTheMessagesSay(dir, fixture);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/check: \d+ files, 0 errors/);
    // A Lambda proxy API becomes a Lambda service (its MOCK preflight the cors: block), the others VPC-link ones.
    const service = parse(readFileSync(path.join(dir, `services/${fixture.name}/service.yaml`), 'utf8')) as Record<string, unknown>;
    expect({ backend: service.backend, ...(service.cors ? { cors: service.cors } : {}) }).toEqual(
      fixture.mapped ?? { backend: { port: 8443, protocol: 'TLS', healthCheckPath: '/health' } },
    );
  });
});
