import { z } from 'zod';

/**
 * The outline every `openapi.yaml` must have before the OpenAPI rules look at operations:
 * an OpenAPI 3.0 or 3.1 document with info and paths. Everything else passes through untouched.
 */
export const OpenApiOutlineSchema = z.looseObject({
  openapi: z
    .string({ error: 'must declare "openapi: 3.0.x" or "3.1.x" (Swagger 2.0 is not supported)' })
    .regex(/^3\.[01]\.\d+$/, { error: (issue) => `must be OpenAPI 3.0.x or 3.1.x, got "${String(issue.input)}"` }),
  info: z.looseObject({
    title: z.string().min(1, { error: 'info.title must not be empty' }),
    version: z.string().min(1, { error: 'info.version must not be empty; write the version of the API, e.g. "1.0.0"' }),
  }),
  paths: z.record(z.string().regex(/^\//, { error: 'paths must start with /' }), z.unknown()),
});
