import type { ConfigProblem } from '../config/problems';
import type { Service } from '../config/schema/service';
import { API_GATEWAY_OPERATION_METHODS, isObject, type JsonObject } from './document';
import { OPENAPI_RULES } from './rules';
import type { OpenApiRule, Severity } from './rules/rule';

/** Runs the OpenAPI rules of the given severities over one document; findings become located problems. */
export function lintOpenApi(
  file: string,
  document: JsonObject,
  service: Service,
  options: { severities?: readonly Severity[]; rules?: readonly OpenApiRule[] } = {},
): (ConfigProblem & { severity: Severity })[] {
  const severities = options.severities ?? ['error'];
  const rules = (options.rules ?? OPENAPI_RULES).filter((rule) => severities.includes(rule.severity));
  // Structural errors first; the other rules then look at the operations the schema accepted, so one run reports
  // every problem instead of stopping at the first malformed node.
  const [structure, ...others] = rules;
  const structural = structure ? run(structure, file, document, service) : [];
  const wellFormed = withoutMalformedOperations(
    document,
    structural.map((problem) => problem.path),
  );
  return [...structural, ...others.flatMap((rule) => run(rule, file, wellFormed, service))];
}

/** The document without the path items and operations a structural error points into (the rules assume their shape). */
function withoutMalformedOperations(document: JsonObject, malformed: readonly (readonly PropertyKey[])[]): JsonObject {
  const inPaths = malformed.filter((path) => path[0] === 'paths' && path.length >= 2);
  if (inPaths.length === 0) return document;
  const paths = { ...(isObject(document.paths) ? document.paths : {}) };
  for (const [, route, method] of inPaths) {
    const item = paths[String(route)];
    if (!isObject(item) || method === undefined || !(String(method) in API_GATEWAY_OPERATION_METHODS)) delete paths[String(route)];
    else {
      const rest = { ...item };
      delete rest[String(method)];
      paths[String(route)] = rest;
    }
  }
  return { ...document, paths };
}

function run(rule: OpenApiRule, file: string, document: JsonObject, service: Service) {
  return rule.check({ document, service }).map((finding) => ({
    file,
    path: finding.path,
    message: finding.message,
    fix: finding.fix,
    rule: rule.id,
    severity: rule.severity,
    pathStyle: 'json-pointer' as const,
  }));
}
