import { isRecord } from '../records';
/** Minimal typed view of an OpenAPI 3 document: what the platform rules read. Everything else stays untyped. */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Keys of an OpenAPI path item that API Gateway deploys as methods, and the method it reports for each (the
 * authorizer's route keys and the route proofs both read bodies this way; `trace` is not deployed by API Gateway).
 */
export const API_GATEWAY_OPERATION_METHODS: Readonly<Record<string, string>> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

export type JsonObject = Record<string, unknown>;

export interface Operation extends JsonObject {
  readonly operationId?: string;
  readonly summary?: string;
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly parameters?: readonly unknown[];
  readonly requestBody?: unknown;
  readonly responses?: Record<string, unknown>;
  readonly 'x-amazon-apigateway-integration'?: JsonObject;
}

export interface OperationRef {
  readonly path: string;
  readonly method: HttpMethod;
  readonly operation: Operation;
  /** Path of the operation inside the document, for problems: `['paths', '/payments', 'get']`. */
  readonly location: readonly (string | number)[];
}

/** A JSON object (lib/records.ts), typed as a node of an OpenAPI document. */
export function isObject(value: unknown): value is JsonObject {
  return isRecord(value);
}

/** Every operation of the document, in document order. */
export function operationsOf(document: JsonObject): OperationRef[] {
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, item]) =>
    isObject(item)
      ? HTTP_METHODS.filter((method) => isObject(item[method])).map((method) => ({
          path,
          method,
          operation: item[method] as Operation,
          location: ['paths', path, method],
        }))
      : [],
  );
}

/** Follows a local `$ref` (`#/components/...`) once; other values are returned as they are. */
export function resolveLocal(document: JsonObject, value: unknown): unknown {
  if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  return value.$ref
    .slice(2)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, segment) => (isObject(node) ? node[segment] : undefined), document);
}

/** `METHOD /path`, the way people name an operation in reviews and in service.yaml. */
export function operationName(reference: Pick<OperationRef, 'method' | 'path'>): string {
  return `${reference.method.toUpperCase()} ${reference.path}`;
}
