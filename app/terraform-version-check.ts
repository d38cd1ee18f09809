import { ValidateBinaryVersion } from 'cdktf/lib/validations/validate-binary-version';

/**
 * cdktf checks the terraform binary's version once per construct that needs a recent terraform (every
 * `terraform_data` resource, every stack with moves) by starting `terraform version`: six processes and about 0.4 s
 * per synth of the example (make bench, docs/decisions/0019-fast-feedback.md). Within one run the binary cannot
 * change, so while `run` synthesizes, each command and version constraint is checked once and its answer reused; a
 * terraform that is too old or missing still fails the synth with cdktf's message.
 */
export function withTerraformVersionCheckedOnce<T>(run: () => T): T {
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
        answer = (check.value as () => string[]).call(this);
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
