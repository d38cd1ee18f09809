import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OPENAPI_RULES } from '../../../lib/openapi/rules';
import { REPO_ROOT } from '../../support/example-config';
import { onboard } from './run-onboard';

/** docs/onboarding.md is what teams read: it must keep up with the rules and the commands. */
const guide = readFileSync(path.join(REPO_ROOT, 'docs/onboarding.md'), 'utf8');

describe('docs/onboarding.md', () => {
  it.each(OPENAPI_RULES.map((rule) => [rule.id, rule.severity] as const))('documents %s with its severity', (id, severity) => {
    expect(guide).toMatch(new RegExp(`\\| ${id} \\| ${severity} \\|`));
  });

  it('documents every command of the CLI', async () => {
    const help = await onboard(REPO_ROOT, ['--help']);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]).filter((command) => command !== 'help');
    expect(commands).toEqual(['new', 'import', 'check', 'list', 'status']);
    for (const command of commands) expect(guide).toContain(`| \`${command}`);
  });
});
