import { isObject, operationsOf, type JsonObject } from '../openapi/document';

/**
 * @readme/openapi-parser reports problems as sentences with a slash path that is not a JSON pointer
 * (`/paths/payments/{id}/get/responses/200/content/application/json/schema`: path keys lose their leading
 * slash and nothing is escaped). This finds the node it means in the document so the problem gets a real
 * pointer and a line; the document root when the sentence names no place.
 */
export function locateParserMessage(message: string, document: JsonObject): (string | number)[] {
  const slashPath = /`(\/[^`]*)`/.exec(message)?.[1];
  if (slashPath) return walk(document, slashPath.slice(1));

  const duplicateId = /operationId `([^`]+)` is duplicated/.exec(message)?.[1];
  if (duplicateId) {
    const uses = operationsOf(document).filter(({ operation }) => operation.operationId === duplicateId);
    if (uses.length > 1) return [...uses[1].location, 'operationId'];
  }

  const missingRef = /\$ref pointer "([^"]+)"/.exec(message)?.[1];
  if (missingRef) return findReference(document, missingRef) ?? [];
  return [];
}

/** Follows `rest` from `node`, at each step taking the longest key the path starts with. */
function walk(node: unknown, rest: string, path: (string | number)[] = []): (string | number)[] {
  if (rest === '' || (!isObject(node) && !Array.isArray(node))) return path;
  const keys = Array.isArray(node) ? node.map((_, index) => String(index)) : Object.keys(node);
  const matches = keys
    .map((key) => ({ key, written: key.startsWith('/') ? key.slice(1) : key }))
    .filter(({ written }) => rest === written || rest.startsWith(`${written}/`))
    .sort((a, b) => b.written.length - a.written.length);
  if (matches.length === 0) return path;
  const { key, written } = matches[0];
  const segment = Array.isArray(node) ? Number(key) : key;
  const child = Array.isArray(node) ? node[Number(key)] : (node as JsonObject)[key];
  return walk(child, rest.slice(written.length + 1), [...path, segment]);
}

function findReference(node: unknown, reference: string, path: (string | number)[] = []): (string | number)[] | undefined {
  if (Array.isArray(node)) {
    for (const [index, child] of node.entries()) {
      const found = findReference(child, reference, [...path, index]);
      if (found) return found;
    }
  } else if (isObject(node)) {
    if (node.$ref === reference) return [...path, '$ref'];
    for (const [key, child] of Object.entries(node)) {
      const found = findReference(child, reference, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
