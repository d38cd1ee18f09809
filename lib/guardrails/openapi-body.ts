import { readEmbeddedDocument } from './embedded-document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type RuleResult } from './rule';
import { isAttributes, type Attributes } from './values';

/** The keys of a path item API Gateway deploys as operations (`x-amazon-apigateway-any-method` is ANY). */
const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method'];

/**
 * A REST API's `body` as an OpenAPI object, or the result a rule gives without reading it: not applicable when absent,
 * compliant when computed at apply time (its operations cannot be verified here), non-compliant when unreadable.
 */
export function openApiBody(body: unknown): { readonly document: Attributes } | { readonly result: RuleResult } {
  const embedded = readEmbeddedDocument(body);
  if (embedded.kind === 'absent') return { result: NOT_APPLICABLE };
  if (embedded.kind === 'reference') return { result: COMPLIANT };
  if (embedded.kind === 'unreadable') return { result: nonCompliant(`body cannot be read (${embedded.reason}); render it as JSON or jsonencode({...})`) };
  if (!isAttributes(embedded.value)) return { result: nonCompliant('body is not an OpenAPI object') };
  return { document: embedded.value };
}

export interface BodyOperation {
  readonly path: string;
  /** The path item key, e.g. `get` or `x-amazon-apigateway-any-method`. */
  readonly key: string;
  readonly operation: Attributes;
  /** `GET /health`-style name, `ANY` for the any-method. */
  readonly name: string;
}

/** Every operation of an OpenAPI body, in document order. */
export function bodyOperations(document: Attributes): BodyOperation[] {
  const paths = isAttributes(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, item]) =>
    isAttributes(item)
      ? OPERATION_KEYS.filter((key) => isAttributes(item[key])).map((key) => ({
          path,
          key,
          operation: item[key] as Attributes,
          name: `${key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase()} ${path}`,
        }))
      : [],
  );
}
