import { z } from 'zod';

/**
 * `cors:` in service.yaml: the platform answers browser preflight (OPTIONS) itself with a MOCK integration, without
 * the authorizer (browsers never send credentials with a preflight), for exactly the origins listed here.
 * docs/decisions/0014-backend-kinds.md.
 */

/** `https://host[:port]`: scheme, host and optional port, nothing else; what a browser sends in `Origin`. */
const ORIGIN = /^https:\/\/([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?$/;

const HEADER_NAME = /^[A-Za-z0-9-]+$/;

export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH'] as const;

export const CorsSchema = z
  .strictObject({
    allowOrigins: z
      .array(
        z.string().regex(ORIGIN, {
          error: (issue) =>
            issue.input === '*'
              ? 'must list exact origins; "*" would let every web site call the API from its visitors\' browsers'
              : `must be an exact https origin such as https://app.example.com (scheme, host, optional port; no path, no wildcard), got "${String(issue.input)}"`,
        }),
      )
      .min(1)
      .max(20)
      .meta({
        description: 'Origins browsers may call the API from, exactly as they send them in the Origin header.',
        examples: [['https://app.example.com']],
      }),
    allowHeaders: z
      .array(z.string().regex(HEADER_NAME, { error: (issue) => `must be an HTTP header name, got "${String(issue.input)}"` }))
      .refine((headers) => headers.some((header) => header.toLowerCase() === 'authorization'), {
        error: 'must include Authorization: the gateway authorizer reads the token from it, and browsers send only the headers listed here',
      })
      .default(['Authorization', 'Content-Type'])
      .meta({ description: 'Request headers the browser may send (Access-Control-Allow-Headers); must include Authorization.' }),
    exposeHeaders: z
      .array(z.string().regex(HEADER_NAME, { error: (issue) => `must be an HTTP header name, got "${String(issue.input)}"` }))
      .default([])
      .meta({ description: 'Response headers scripts may read (Access-Control-Expose-Headers); the backend sends it on actual responses.' }),
    allowCredentials: z
      .boolean()
      .default(false)
      .meta({ description: 'Access-Control-Allow-Credentials: true lets browsers send cookies or client certificates; only with exact origins.' }),
    maxAgeSeconds: z
      .number()
      .int()
      .min(0)
      .max(7200)
      .default(600)
      .meta({ description: 'How long browsers may cache a preflight answer (Access-Control-Max-Age; Chromium caps it at 7200).' }),
  })
  .meta({ description: 'Browser cross-origin access: preflight answered by the gateway (OPTIONS, MOCK, no authorizer) for these exact origins.' });

export type Cors = z.output<typeof CorsSchema>;
export type CorsInput = z.input<typeof CorsSchema>;
