import { isObject, operationName, operationsOf, resolveLocal } from '../document';
import type { OpenApiRule } from './rule';

/**
 * Every request body media type has a schema. API Gateway validates bodies against the models it builds from
 * these schemas (UAG-OAS-107); a media type without one is let through unchecked to the backend.
 */
export const requestBodySchema: OpenApiRule = {
  id: 'UAG-OAS-105',
  severity: 'warning',
  description: 'Every request body media type has a schema, so the gateway can validate it.',
  check: ({ document }) =>
    operationsOf(document).flatMap((reference) => {
      if (reference.operation.requestBody === undefined) return [];
      const body = resolveLocal(document, reference.operation.requestBody);
      const location = [...reference.location, 'requestBody'];
      const content = isObject(body) && isObject(body.content) ? body.content : {};
      const mediaTypes = Object.entries(content);
      if (mediaTypes.length === 0) {
        return [
          {
            path: [...location],
            message: `${operationName(reference)} has a request body without content`,
            fix: 'declare content: { application/json: { schema: ... } }',
          },
        ];
      }
      // A body shared through components/requestBodies is reported where the operation refers to it.
      const viaReference = body !== reference.operation.requestBody;
      return mediaTypes
        .filter(([, mediaType]) => !isObject(mediaType) || !isObject(mediaType.schema))
        .map(([type]) => ({
          path: viaReference ? [...location] : [...location, 'content', type],
          message: `${operationName(reference)} accepts ${type} without a schema`,
          fix: `add schema: (inline or $ref to components/schemas) under content.${type}`,
        }));
    }),
};
