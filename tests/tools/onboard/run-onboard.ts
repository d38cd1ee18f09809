import type { Prompter } from '../../../tools/onboard/prompts';
import { runOnboard } from '../../../tools/onboard/program';

export interface OnboardRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the onboard command line in-process against a configuration copy, as `npm run onboard -- <args>` would,
 * capturing what it prints. `answers` feed the prompts in order (a person at a terminal); without them nobody
 * can be asked, as in CI.
 */
export async function onboard(
  configDir: string,
  args: readonly string[],
  options: { answers?: readonly string[]; cwd?: string } = {},
): Promise<OnboardRun & { questions: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const questions: string[] = [];
  const answers = [...(options.answers ?? [])];
  const prompter: Prompter | undefined = options.answers
    ? {
        ask: async (question, defaultValue) => {
          questions.push(question);
          if (answers.length === 0) throw new Error(`unexpected question: ${question}`);
          const answer = answers.shift()!;
          return answer === '' ? (defaultValue ?? '') : answer;
        },
        close: () => undefined,
      }
    : undefined;
  const code = await runOnboard(['--config-dir', configDir, ...args], {
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    prompter,
    cwd: options.cwd ?? configDir,
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), questions };
}

/** The options of a complete, valid `new` for a private service in dev, granted to the dev consumer. */
export const ORDERS_OPTIONS = [
  '--description',
  'Order intake for the retail app.',
  '--team',
  'orders-team',
  '--email',
  'orders-team@example.com',
  '--visibility',
  'private',
  '--consumer',
  'retail-app',
  '--backend',
  'dev=payments:10.101.2.40',
  '--no-input',
] as const;

/** The options of a complete, valid `import` of the petstore fixture as the public service `pets` in dev. */
export const PETS_OPTIONS: readonly string[] = [
  '--name',
  'pets',
  '--team',
  'pets-team',
  '--email',
  'pets-team@example.com',
  '--visibility',
  'public',
  '--backend',
  'dev=customers:10.103.1.60',
  '--no-input',
];
