import * as path from 'node:path';
import type { Prompter } from './prompts';

/** Where a command writes and whom it may ask; tests capture it, the CLI binds it to the process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Asks for missing answers; absent when nobody can answer (CI, pipes, --no-input). */
  readonly prompter?: Prompter;
  /** Directory relative paths on the command line are resolved against.
   * @default - $INIT_CWD (where the user ran `npm run`, which changes into the repository root), else process.cwd() */
  readonly cwd?: string;
}

/** The configuration root: --config-dir, else UAG_CONFIG_DIR, else this repository (its example configuration). */
export function configRoot(io: Io, option: string | undefined): string {
  const chosen = option ?? process.env.UAG_CONFIG_DIR;
  return chosen ? path.resolve(userDirectory(io), chosen) : path.resolve(__dirname, '../..');
}

/** A path the user typed, resolved the way their shell meant it. */
export function userPath(io: Io, file: string): string {
  return path.resolve(userDirectory(io), file);
}

/** `npm run onboard` runs in the repository root; npm keeps the directory the user typed the command in as INIT_CWD. */
function userDirectory(io: Io): string {
  return io.cwd ?? process.env.INIT_CWD ?? process.cwd();
}
