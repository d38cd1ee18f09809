import { validate } from '@readme/openapi-parser';
import type { ConfigProblem } from '../config/problems';
import { diskCache } from '../disk-cache';
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
  const result = await parserVerdict(document);
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

interface ParserVerdict {
  readonly valid: boolean;
  readonly errors: readonly { message: string }[];
  readonly warnings: readonly { message: string }[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const PARSER_VERSION = (require('@readme/openapi-parser/package.json') as { version: string }).version;

/**
 * The parser's verdict depends only on the document and the parser's version, but it compiles the official schema
 * anew on every call (a new ajv each time: ~0.3 s per document, so every `check` paid it once per service). Verdicts
 * are kept in the disk cache (lib/disk-cache.ts), so a document is validated again only when it or the parser changed.
 */
async function parserVerdict(document: JsonObject): Promise<ParserVerdict> {
  const cache = diskCache('uag-openapi-parser');
  const cached = cache.file({ parser: PARSER_VERSION, document }, 'json');
  const stored = cached && cache.read(cached);
  if (stored) return JSON.parse(stored) as ParserVerdict;
  // The parser dereferences in place; the caller's document stays as loaded.
  const result = await validate(structuredClone(document) as Parameters<typeof validate>[0], { resolve: { external: false } });
  const verdict: ParserVerdict = {
    valid: result.valid,
    errors: result.valid ? [] : result.errors.map(({ message }) => ({ message })),
    warnings: result.warnings.map(({ message }) => ({ message })),
  };
  if (cached) cache.write(cached, JSON.stringify(verdict));
  return verdict;
}
