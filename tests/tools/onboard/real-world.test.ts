import * as path from 'node:path';
import { copyExampleConfig } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { onboardAsTheMessagesSay, REAL_WORLD, REAL_WORLD_FIXTURES, realWorldOptions } from './real-world-fixtures';
import { onboard } from './run-onboard';

/**
 * Acceptance of issue 14 on real, public API definitions: the first import refuses with every problem in one run
 * (file, line:column, pointer, rule, fix) and changes nothing; doing what the messages say (the hand fixes they ask
 * for, and `--fix` for the rest) onboards the service with a clean check. synth-validate.test.ts takes the same
 * services on through synth and terraform validate.
 */
describe.each(REAL_WORLD_FIXTURES.map((fixture) => [fixture.file, fixture] as const))('real-world definition %s', (file, fixture) => {
  it('is refused with every problem in one run, each located in the file, and the tree unchanged', async () => {
    const dir = copyExampleConfig();
    const before = snapshotTree(dir);
    const run = await onboard(dir, ['import', path.join(REAL_WORLD, file), ...realWorldOptions(fixture)]);
    expect(run.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
    const problems = run.stderr.split('\n').filter((line) => line.startsWith(`  ${path.join(REAL_WORLD, file)}:`));
    const shown = problems.map((line) => {
      const rule = /\[(UAG-OAS-\d{3})\]$/.exec(line)?.[1] ?? '-';
      const where = /^ {2}\S+?:\d+:\d+: (\S+):/.exec(line)?.[1];
      return `${rule} ${where}`;
    });
    expect(shown).toEqual(fixture.refusal);
    // Every problem has a line:column in the imported file and a fix on the next line.
    expect(problems.every((line) => /^ {2}\S+?:\d+:\d+: /.test(line))).toBe(true);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('    fix: ')).length).toBe(problems.length);
  });

  it('onboards once the fixes the messages name are made, and check finds no error', async () => {
    const dir = copyExampleConfig();
    const imported = await onboardAsTheMessagesSay(dir, fixture);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/check: \d+ files, 0 errors/);
  });
});
