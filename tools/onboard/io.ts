import * as path from 'node:path';
import type { Prompter } from './prompts';

/** Where a command writes and whom it may ask; tests capture it, the CLI binds it to the process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Asks for missing answers; absent when nobody can answer (CI, pipes, --no-input). */
  readonly prompter?: Prompter;
  /** Directory relative paths on the command line are resolved against.
   * @default process.cwd() */
  readonly cwd?: string;
}

/** The configuration root: --config-dir, else UAG_CONFIG_DIR, else this repository (its example configuration). */
export function configRoot(io: Io, option: string | undefined): string {
  const chosen = option ?? process.env.UAG_CONFIG_DIR;
  return chosen ? path.resolve(io.cwd ?? process.cwd(), chosen) : path.resolve(__dirname, '../..');
}

/** A path the user typed, resolved the way their shell meant it. */
export function userPath(io: Io, file: string): string {
  return path.resolve(io.cwd ?? process.cwd(), file);
}
