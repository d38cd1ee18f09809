import type { z } from 'zod';
import type { ConfigProblem } from './problems';

/** Validates `data` against a schema and turns every zod issue into a problem with a fix hint. */
export function checkSchema<S extends z.ZodType>(schema: S, data: unknown, file: string): { value?: z.output<S>; problems: ConfigProblem[] } {
  // Messages written on a field (e.g. the account id's) take precedence over this default wording.
  const result = schema.safeParse(data, { reportInput: true, error: defaultMessage });
  if (result.success) return { value: result.data, problems: [] };
  return { problems: result.error.issues.flatMap((issue) => toProblems(issue, file)) };
}

function defaultMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `required ${issue.expected} is missing` : `expected ${issue.expected}, got ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_value') return `${describe(issue.input)} is not an allowed value`;
  return undefined;
}

function toProblems(issue: z.core.$ZodIssue, file: string): ConfigProblem[] {
  const { path, message } = issue;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        file,
        path: [...path, key],
        message: `unknown key "${key}"`,
        fix: 'remove it or correct its spelling; the schema referenced at the top of the file lists the allowed keys',
      }));
    case 'invalid_type':
      return [{ file, path, message, fix: issue.input === undefined ? `add "${String(path.at(-1) ?? 'value')}"` : `write a ${issue.expected} here` }];
    case 'invalid_value':
      return [{ file, path, message, fix: oneOf(issue.values) }];
    case 'too_small':
      return [
        {
          file,
          path,
          message,
          fix:
            issue.origin === 'string' && Number(issue.minimum) === 1
              ? 'write a non-empty value'
              : `use at least ${String(issue.minimum)}${issue.origin === 'array' ? ' entries' : ''}`,
        },
      ];
    case 'too_big':
      return [{ file, path, message, fix: `use at most ${String(issue.maximum)}${issue.origin === 'array' ? ' entries' : ''}` }];
    default:
      return [{ file, path, message, fix: 'correct the value as the message says' }];
  }
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
