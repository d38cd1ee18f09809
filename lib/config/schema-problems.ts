import type { z } from 'zod';
import type { ConfigProblem } from './problems';

/** Validates `data` against a schema and turns every zod issue into a problem with a fix hint. */
export function checkSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
): { value?: z.output<S>; problems: ConfigProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  return { problems: result.error.issues.flatMap((issue) => toProblems(issue, file)) };
}

function toProblems(issue: z.core.$ZodIssue, file: string): ConfigProblem[] {
  const path = issue.path;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        file,
        path: [...path, key],
        message: `unknown key "${key}"`,
        fix: 'remove it or correct its spelling; the schema referenced at the top of the file lists the allowed keys',
      }));
    case 'invalid_type':
      if (issue.input === undefined) {
        return [{ file, path, message: `required ${issue.expected} is missing`, fix: `add "${String(path.at(-1) ?? 'value')}"` }];
      }
      return [{ file, path, message: `expected ${issue.expected}, got ${describe(issue.input)}`, fix: `write a ${issue.expected} here` }];
    case 'invalid_value':
      return [{ file, path, message: `${describe(issue.input)} is not an allowed value`, fix: oneOf(issue.values) }];
    case 'invalid_union':
      return [{ file, path, message: issue.message, fix: 'check the value against the examples in the schema' }];
    default:
      return [{ file, path, message: issue.message, fix: fixFor(issue) }];
  }
}

function fixFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') return `use at least ${String(issue.minimum)}${issue.origin === 'array' ? ' entries' : ''}`;
  if (issue.code === 'too_big') return `use at most ${String(issue.maximum)}${issue.origin === 'array' ? ' entries' : ''}`;
  return 'correct the value as the message says';
}

function oneOf(values: readonly unknown[]): string {
  if (values.length <= 8) return `use one of: ${values.map(String).join(', ')}`;
  return `use one of the ${values.length} allowed values, e.g. ${values.slice(0, 4).map(String).join(', ')} (the editor schema lists them all)`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
