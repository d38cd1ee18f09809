import type { ConfigProblem } from '../config/problems';
import type { Service } from '../config/schema/service';
import type { JsonObject } from './document';
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
  // Structural errors first: the other rules assume a well-formed document.
  const [structure, ...others] = rules;
  const structural = structure ? run(structure, file, document, service) : [];
  if (structural.some((problem) => problem.severity === 'error')) return structural;
  return [...structural, ...others.flatMap((rule) => run(rule, file, document, service))];
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
