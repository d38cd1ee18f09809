import { readlinePrompter } from './prompts';
import { runOnboard } from './program';

/** `npm run onboard -- <command>` / `make onboard ARGS="<command>"`. Prompts only when a person is at the terminal. */
const prompter = process.stdin.isTTY && process.stdout.isTTY ? readlinePrompter(process.stdin, process.stdout) : undefined;

runOnboard(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  prompter,
})
  .then((code) => {
    process.exitCode = code;
  })
  .finally(() => prompter?.close());
