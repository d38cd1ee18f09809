import { validate } from '@readme/openapi-parser';
import type { ConfigProblem } from '../config/problems';
import type { JsonObject } from '../openapi/document';
import { locateParserMessage } from './parser-location';

/** The rule id full-validation problems carry, so they can be told apart from the platform rules. */
export const PARSER_RULE = 'openapi-parser';

export type Severity = 'error' | 'warning';

/**
 * Full validation by @readme/openapi-parser: the official schema plus what a schema cannot say (every $ref
 * resolves, unique operationIds, path parameters, array items). Never reads other files or the network: the
 * platform embeds the document as it is, so an external reference is already an error of UAG-OAS-109.
 */
export async function validateWithParser(file: string, document: JsonObject): Promise<(ConfigProblem & { severity: Severity })[]> {
  // The parser dereferences in place; the caller's document stays as loaded.
  const result = await validate(structuredClone(document) as Parameters<typeof validate>[0], { resolve: { external: false } });
  const located =
    (severity: Severity) =>
    ({ message }: { message: string }) => ({
      file,
      path: locateParserMessage(message, document),
      pathStyle: 'json-pointer' as const,
      message: message.replace(/\s+/g, ' ').trim(),
      fix: 'correct the document as the message says (OpenAPI 3.0 specification: https://spec.openapis.org/oas/v3.0.3)',
      rule: PARSER_RULE,
      severity,
    });
  return [...(result.valid ? [] : result.errors.map(located('error'))), ...result.warnings.map(located('warning'))];
}
