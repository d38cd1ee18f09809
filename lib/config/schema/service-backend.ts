import { z } from 'zod';

/**
 * How API Gateway reaches a service (docs/decisions/0014-backend-kinds.md). One kind per service: every operation of
 * its OpenAPI document is integrated with the same backend, so route proofs, permissions and alarms have one target.
 */

export const BACKEND_KINDS = ['vpcLink', 'lambda'] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

/** The service's own NLB listener behind a VPC link, reached over the Transit Gateway (the default). */
export const VpcLinkBackendSchema = z
  .strictObject({
    kind: z.literal('vpcLink').default('vpcLink').meta({ description: 'VPC link to the service NLB (the default when kind is absent).' }),
    port: z.number().int().min(1).max(65535),
    protocol: z.enum(['TCP', 'TLS']).default('TLS'),
    healthCheckPath: z.string().regex(/^\//, { error: 'must start with /' }).default('/health'),
  })
  .meta({ description: "HTTP proxy through the service's VPC link and NLB to addresses in the service account's VPC." });

/** A Lambda function in the service's account, invoked by API Gateway as a Lambda proxy (aws_proxy) integration. */
export const LambdaBackendSchema = z
  .strictObject({
    kind: z.literal('lambda'),
    functionName: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, {
        error: (issue) => `must be a Lambda function name (1-64 letters, digits, - or _; not an ARN), got "${String(issue.input)}"`,
      })
      .meta({
        description: "Name of the function in the service's account (services.<name>.backend.account of each environment).",
        examples: ['notifications-api'],
      }),
    qualifier: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/, {
        error: (issue) =>
          issue.input === '$LATEST'
            ? 'must be an alias or a published version, not $LATEST: what runs must be what was released'
            : `must be an alias or version of the function, got "${String(issue.input)}"`,
      })
      .optional()
      .meta({ description: 'Alias (or version) API Gateway invokes, e.g. live; the permission is granted on it.', examples: ['live'] }),
  })
  .meta({ description: "Lambda proxy integration with a function in the service's account, invoked cross-account with a scoped resource policy." });

export const ServiceBackendSchema = z.discriminatedUnion('kind', [VpcLinkBackendSchema, LambdaBackendSchema], {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `kind must be one of ${BACKEND_KINDS.join(', ')} (absent means vpcLink), got ${JSON.stringify(typeof issue.input === 'object' && issue.input !== null ? (issue.input as { kind?: unknown }).kind : issue.input)}`
      : undefined,
});

export type ServiceBackend = z.output<typeof ServiceBackendSchema>;
export type VpcLinkBackend = z.output<typeof VpcLinkBackendSchema>;
export type LambdaBackend = z.output<typeof LambdaBackendSchema>;

export function isVpcLinkBackend(backend: ServiceBackend): backend is VpcLinkBackend {
  return backend.kind === 'vpcLink';
}
export type LambdaBackendInput = z.input<typeof LambdaBackendSchema>;
