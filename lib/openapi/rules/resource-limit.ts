import { isObject } from '../document';
import type { OpenApiRule } from './rule';

/** API Gateway's default quota of resources per REST API. */
export const MAX_RESOURCES_PER_API = 300;

/**
 * A REST API has one resource per distinct path prefix (`/payments`, `/payments/{id}`, ...) plus the root. Past
 * the quota the import fails half-way through a deployment; failing at synth is kinder.
 */
export const resourceLimit: OpenApiRule = {
  id: 'UAG-OAS-003',
  severity: 'error',
  description: `The API stays within API Gateway's ${MAX_RESOURCES_PER_API} resources per REST API.`,
  check: ({ document }) => {
    const resources = new Set<string>(['/']);
    for (const path of Object.keys(isObject(document.paths) ? document.paths : {})) {
      const segments = path.split('/').filter(Boolean);
      segments.forEach((_, index) => resources.add(`/${segments.slice(0, index + 1).join('/')}`));
    }
    if (resources.size <= MAX_RESOURCES_PER_API) return [];
    return [
      {
        path: ['paths'],
        message: `the API has ${resources.size} resources, over API Gateway's quota of ${MAX_RESOURCES_PER_API}`,
        fix: 'split the service into several APIs (base paths), or request a quota increase and raise the limit deliberately',
      },
    ];
  },
};
