import { isObject, operationName, operationsOf, resolveLocal, type JsonObject, type OperationRef } from '../document';
import type { OpenApiFinding, OpenApiRule } from './rule';

/**
 * Every `{name}` of a path template is declared as a required `in: path` parameter, and every declared path
 * parameter appears in the template. API Gateway maps path parameters to the backend by name
 * (`integration.request.path.id: method.request.path.id`); an undeclared one fails the import and a stray
 * one is never filled. The OpenAPI specification requires both, so this is an error.
 */
export const pathParameters: OpenApiRule = {
  id: 'UAG-OAS-106',
  severity: 'error',
  description: 'Path template parameters and declared path parameters match, and each is required.',
  check: ({ document }) => {
    const paths = isObject(document.paths) ? document.paths : {};
    return operationsOf(document).flatMap((reference) => {
      // API Gateway names a greedy segment `{proxy+}` by `proxy`: the parameter and its mappings drop the `+`.
      const inTemplate = [...reference.path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1]);
      const item = isObject(paths[reference.path]) ? (paths[reference.path] as JsonObject) : {};
      const declared = declaredPathParameters(document, item, reference);
      const name = operationName(reference);
      const findings: OpenApiFinding[] = [];
      for (const parameter of inTemplate) {
        const declaration = declared.get(parameter);
        if (!declaration) {
          findings.push({
            path: [...reference.location],
            message: `${name} does not declare path parameter "${parameter}"`,
            fix: `add { name: ${parameter}, in: path, required: true, schema: { type: string } } to parameters`,
          });
        } else if (declaration.parameter.required !== true) {
          findings.push({
            path: declaration.location,
            message: `path parameter "${parameter}" of ${name} is not required`,
            fix: 'set required: true; path parameters are always required',
          });
        }
      }
      for (const [parameter, { location }] of declared) {
        if (!inTemplate.includes(parameter)) {
          findings.push({
            path: location,
            message: `${name} declares path parameter "${parameter}" that is not in the path`,
            fix: `remove it, or add {${parameter}} to the path`,
          });
        }
      }
      return findings;
    });
  },
};

interface Declaration {
  readonly parameter: JsonObject;
  readonly location: (string | number)[];
}

/** `in: path` parameters by name; the operation's own declarations override the path item's. */
function declaredPathParameters(document: JsonObject, item: JsonObject, reference: OperationRef): Map<string, Declaration> {
  const declared = new Map<string, Declaration>();
  const collect = (list: unknown, location: readonly (string | number)[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      const parameter = resolveLocal(document, entry);
      if (isObject(parameter) && parameter.in === 'path' && typeof parameter.name === 'string') {
        declared.set(parameter.name, { parameter, location: [...location, 'parameters', index] });
      }
    });
  };
  collect(item.parameters, ['paths', reference.path]);
  collect(reference.operation.parameters, reference.location);
  return declared;
}
