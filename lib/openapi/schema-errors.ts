import type { ErrorObject } from 'ajv';
import type { OpenApiFinding } from './rules/rule';
import { swagger2Leftover } from './swagger2-leftovers';

/**
 * Turns ajv's raw errors against the official OpenAPI schema (collected with allErrors) into one readable finding per
 * problem. The schema describes most nodes as `oneOf: [Reference, Thing]`, so one wrong node yields a `$ref is
 * required` from the Reference branch, the real complaint from the other branch and a closing "must match exactly
 * one schema in oneOf": only the real complaint is kept. An unknown field is reported at the field itself (its own
 * line), with the place it belongs in OpenAPI 3.0 when it is a Swagger 2.0 leftover.
 */
export function readableSchemaErrors(errors: readonly ErrorObject[]): OpenApiFinding[] {
  const combinators = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else']);
  const relevant = errors.filter((error) => !combinators.has(error.keyword));
  const paths = relevant.map((error) => error.instancePath);
  const explained = (instancePath: string) =>
    relevant.some((other) => !isReferenceBranch(other) && (other.instancePath === instancePath || other.instancePath.startsWith(`${instancePath}/`)));

  const findings: OpenApiFinding[] = [];
  const seen = new Set<string>();
  const leftoverAt = new Set<string>();
  const add = (finding: OpenApiFinding) => {
    const key = `${finding.path.join('\u0000')}|${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };

  for (const error of relevant) {
    if (error.keyword !== 'additionalProperties') continue;
    const property = String(error.params.additionalProperty);
    const path = [...pointerToPath(error.instancePath), property];
    const leftover = swagger2Leftover(path);
    if (leftover) leftoverAt.add(error.instancePath);
    add({
      path,
      message: leftover ? `${property} is Swagger 2.0, not OpenAPI 3.0: ${leftover.what}` : `unknown field "${property}" here`,
      fix: leftover ? leftover.fix : `remove "${property}" or correct its name (OpenAPI 3.0: https://spec.openapis.org/oas/v3.0.3); extensions start with x-`,
    });
  }

  // Alternatives (`schema` or `content`, `$ref` or a value) become one message per place.
  const alternatives = new Map<string, string[]>();
  for (const error of relevant) {
    if (error.keyword !== 'required') continue;
    if (isReferenceBranch(error) && explained(error.instancePath) && relevant.some((other) => other !== error && !isReferenceBranch(other))) continue;
    if (leftoverAt.has(error.instancePath)) continue;
    const list = alternatives.get(error.instancePath) ?? [];
    list.push(String(error.params.missingProperty));
    alternatives.set(error.instancePath, list);
  }
  for (const [instancePath, missing] of alternatives) {
    const unique = [...new Set(missing)];
    add({
      path: pointerToPath(instancePath),
      message: unique.length === 1 ? `missing required field "${unique[0]}"` : `needs one of ${unique.map((name) => `"${name}"`).join(', ')}`,
      fix: `add ${unique.length === 1 ? `"${unique[0]}"` : `exactly one of ${unique.map((name) => `"${name}"`).join(' or ')}`} (OpenAPI 3.0: https://spec.openapis.org/oas/v3.0.3)`,
    });
  }

  for (const error of relevant) {
    if (error.keyword === 'additionalProperties' || error.keyword === 'required') continue;
    // A deeper complaint in the same subtree says more than a summary at its ancestor.
    if (error.keyword === 'type' && paths.some((other) => other.startsWith(`${error.instancePath}/`))) continue;
    add({ path: pointerToPath(error.instancePath), message: describe(error), fix: fixFor(error) });
  }
  return findings;
}

/** The Reference branch of a `oneOf`: "must have required property '$ref'". */
function isReferenceBranch(error: ErrorObject): boolean {
  return error.keyword === 'required' && error.params.missingProperty === '$ref';
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'type':
      return `must be ${withArticle(String(error.params.type))}`;
    case 'pattern':
      return `does not match the pattern ${String(error.params.pattern)}`;
    default:
      return error.message ?? 'is not valid here';
  }
}

function fixFor(error: ErrorObject): string {
  if (error.keyword === 'enum') return `use one of the allowed values`;
  if (error.keyword === 'type') return `write ${withArticle(String(error.params.type))} here`;
  return 'correct the value (OpenAPI 3.0: https://spec.openapis.org/oas/v3.0.3)';
}

/** `an object`, `a string`, `an integer`. */
function withArticle(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

export function pointerToPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
