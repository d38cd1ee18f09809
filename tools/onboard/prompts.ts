import { createInterface } from 'node:readline/promises';

/** Asks the person at the terminal for an answer, offering a default they accept with Enter. */
export interface Prompter {
  ask(question: string, defaultValue?: string): Promise<string>;
  close(): void;
}

export function readlinePrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const readline = createInterface({ input, output });
  return {
    async ask(question, defaultValue) {
      const answer = (await readline.question(defaultValue ? `${question} [${defaultValue}]: ` : `${question}: `)).trim();
      return answer === '' ? (defaultValue ?? '') : answer;
    },
    close: () => readline.close(),
  };
}
