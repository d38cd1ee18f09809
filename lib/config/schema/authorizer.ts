import { z } from 'zod';

/**
 * `authorizer` in `environments/<env>.yaml`: which identity providers the gateway's Lambda REQUEST
 * authorizer trusts, and how its results are cached and its function sized.
 */

/** Asymmetric JWS algorithms aws-jwt-verify can check; symmetric ones (HS256) are never accepted. */
export const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

const httpsUrl = (what: string) =>
  z.string().refine((value) => isHttpsUrl(value), {
    error: (issue) => `${what} must be an https:// URL without credentials or fragment, got "${String(issue.input)}"`,
  });

const OidcIssuer = z
  .strictObject({
    issuer: httpsUrl('issuer').meta({
      description: 'Expected `iss` claim, exactly as the identity provider writes it.',
      examples: ['https://login.example.com/oauth2/default'],
    }),
    jwksUri: httpsUrl('jwksUri').meta({
      description: "The provider's JSON Web Key Set with the public signing keys.",
      examples: ['https://login.example.com/oauth2/default/v1/keys'],
    }),
    audiences: z
      .array(z.string().min(1))
      .default([])
      .meta({ description: 'Accepted `aud` values; a token must carry one of them. Checked when not empty.', examples: [['api://uag-prod']] }),
    clientIds: z
      .array(z.string().min(1))
      .default([])
      .meta({ description: 'Accepted `client_id` claims (RFC 9068 access tokens); a token must carry one of them. Checked when not empty.' }),
    algorithms: z
      .array(z.enum(JWT_ALGORITHMS))
      .min(1)
      .default(['RS256'])
      .meta({ description: 'Signature algorithms accepted from this issuer; anything else (none, HS256, ...) is rejected before verification.' }),
  })
  .refine((issuer) => issuer.audiences.length > 0 || issuer.clientIds.length > 0, {
    path: ['audiences'],
    error:
      'list at least one audience (or one client id under clientIds): without either, tokens minted for any other application of this provider would be accepted',
  })
  .meta({ description: 'An OIDC identity provider whose access tokens the gateway accepts.' });

export const AuthorizerSchema = z
  .strictObject({
    issuers: z
      .array(OidcIssuer)
      .min(1)
      .superRefine((issuers, ctx) => {
        const seen = new Map<string, number>();
        issuers.forEach((entry, index) => {
          const first = seen.get(entry.issuer);
          if (first === undefined) seen.set(entry.issuer, index);
          else
            ctx.addIssue({
              code: 'custom',
              path: [index, 'issuer'],
              message: `"${entry.issuer}" is already listed at issuers[${first}]; merge the two entries (one issuer, one set of audiences)`,
            });
        });
      })
      .meta({ description: 'Trusted issuers (bring your own identity provider); a token is checked against the entry matching its `iss`.' }),
    resultTtlSeconds: z.number().int().min(0).max(3600).default(300).meta({
      description:
        'How long API Gateway caches a decision per token and route. Longer is faster and cheaper, but a cached Allow outlives a revoked token by up to this long; 0 disables caching.',
    }),
    reservedConcurrency: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(50)
      .meta({ description: 'Concurrent executions reserved for the authorizer, so other functions cannot starve it (and it cannot starve them).' }),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(30)
      .default(5)
      .meta({ description: 'Function timeout; it bounds a cold start that has to fetch the key sets.' }),
  })
  .meta({ description: "The gateway's Lambda REQUEST authorizer: trusted OIDC issuers, result caching and sizing." });

export type AuthorizerConfig = z.output<typeof AuthorizerSchema>;
export type OidcIssuerConfig = AuthorizerConfig['issuers'][number];

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    // `!value.includes('#')`: an empty fragment ("https://idp/#") parses with hash "", yet a "#" in an issuer would make the
    // authorizer's `<issuer>#<subject>` principal ids ambiguous (lambdas/authorizer/authorizer.ts namespacedPrincipal).
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hash === '' && !value.includes('#') && url.hostname !== '';
  } catch {
    return false;
  }
}
