import { z } from 'zod';
import { CorsSchema } from './cors';
import { email, slug } from './fields';
import { ServiceBackendSchema } from './service-backend';

/** `services/<name>/service.yaml`: what a service team declares once for every environment. */

export const SERVICE_VISIBILITIES = ['public', 'private', 'both'] as const;

export const ServiceSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: slug.meta({ description: 'Service name; equals the folder name.', examples: ['payments'] }),
    description: z.string().min(1).meta({ description: 'One sentence for the service catalog.' }),
    owner: z.strictObject({
      team: z.string().min(1),
      email,
    }),
    basePath: z
      .string()
      .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, {
        error: (issue) => `must match ^[a-z0-9-]+(/[a-z0-9-]+)*$ (e.g. v1/payments), got "${String(issue.input)}"`,
      })
      .meta({ description: 'Mapping key on the custom domain(s); may be multi-level.', examples: ['v1/payments'] }),
    visibility: z.enum(SERVICE_VISIBILITIES).meta({
      description: 'public: CloudFront + regional domain; private: private custom domain only; both: on both domains.',
    }),
    backend: ServiceBackendSchema.meta({
      description: 'How API Gateway reaches the service: vpcLink (the default: its NLB over the Transit Gateway) or lambda (a function in its account).',
    }),
    cors: CorsSchema.optional().meta({ description: 'Browser preflight answered by the gateway for exact origins; absent: no OPTIONS routes.' }),
    throttling: z
      .strictObject({
        rateLimit: z.number().positive().max(10000).default(100),
        burstLimit: z.number().int().positive().max(5000).default(200),
      })
      .default({ rateLimit: 100, burstLimit: 200 }),
    publicOperations: z
      .array(
        z.strictObject({
          operation: z.string().regex(/^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH) \/\S*$/, {
            error: (issue) => `must be "METHOD /path" as in the OpenAPI document, e.g. "GET /health", got "${String(issue.input)}"`,
          }),
          reason: z.string().min(20, { error: 'must explain in at least 20 characters why the operation needs no authorization' }),
        }),
      )
      .default([])
      .meta({ description: 'Operations deliberately served without the authorizer, each with the reason reviewers approved.' }),
    auditHeaders: z
      .array(z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'must be an HTTP header name' }))
      .default([])
      .meta({ description: 'Request headers forwarded to the backend for audit trails.' }),
  })
  .meta({ title: 'Unified API gateway service', description: 'services/<name>/service.yaml' });

export type ServiceInput = z.input<typeof ServiceSchema>;
export type Service = z.output<typeof ServiceSchema>;
