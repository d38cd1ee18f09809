import { statSync } from 'node:fs';
import * as path from 'node:path';
import { ValidateBinaryVersion } from 'cdktf/lib/validations/validate-binary-version';
import { diskCache, type DiskCache } from '../lib/disk-cache';

/**
 * cdktf checks the terraform binary's version once per construct that needs a recent terraform (every
 * `terraform_data` resource, every stack with moves) by starting `terraform version`: six processes and about 0.4 s
 * per synth of the example (make bench, docs/decisions/0019-fast-feedback.md). While `run` synthesizes, each command
 * and version constraint is checked once and its answer reused. The answer is also kept on disk for the next run,
 * keyed by the binary the command starts (its path, size and modification time), so a synth starts no terraform
 * at all until terraform is replaced; a binary that cannot be found is checked every time. A terraform that is too
 * old or missing still fails the synth with cdktf's message.
 */
export function withTerraformVersionCheckedOnce<T>(run: () => T, cache: DiskCache = diskCache('uag-terraform-version')): T {
  const prototype = ValidateBinaryVersion.prototype;
  const check = Object.getOwnPropertyDescriptor(prototype, 'validate')!;
  const answers = new Map<string, string[]>();
  Object.defineProperty(prototype, 'validate', {
    ...check,
    value(this: ValidateBinaryVersion): string[] {
      // The fields are protected in the type, public at runtime; they are the whole input of the check.
      const { versionCommand, versionConstraint, hint } = this as unknown as { versionCommand: string; versionConstraint: string; hint?: string };
      const key = `${versionCommand}\0${versionConstraint}\0${hint ?? ''}`;
      let answer = answers.get(key);
      if (!answer) {
        answer = answerFromDisk(cache, versionCommand, key, () => (check.value as () => string[]).call(this));
        answers.set(key, answer);
      }
      return [...answer];
    },
  });
  try {
    return run();
  } finally {
    Object.defineProperty(prototype, 'validate', check);
  }
}

function answerFromDisk(cache: DiskCache, versionCommand: string, key: string, ask: () => string[]): string[] {
  const binary = binaryOf(versionCommand);
  const file = binary && cache.file({ key, ...binary }, 'json');
  if (!file) return ask();
  const kept = cache.read(file);
  if (kept !== undefined) return JSON.parse(kept) as string[];
  const answer = ask();
  cache.write(file, JSON.stringify(answer));
  return answer;
}

/** The file a `<binary> version` command starts, found on PATH as the shell finds it; undefined for anything else. */
function binaryOf(versionCommand: string): { path: string; size: number; mtimeMs: number } | undefined {
  const match = /^([^\s'"$`;&|<>]+) version$/.exec(versionCommand);
  if (!match) return undefined;
  const name = match[1]!;
  const candidates = name.includes('/')
    ? [path.resolve(name)]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, name));
  for (const candidate of candidates) {
    const stat = statSync(candidate, { throwIfNoEntry: false });
    // An executable file, as the shell requires.
    if (stat?.isFile() && (stat.mode & 0o111) !== 0) return { path: candidate, size: stat.size, mtimeMs: stat.mtimeMs };
  }
  return undefined;
}
