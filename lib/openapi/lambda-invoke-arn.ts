/**
 * The URI of a Lambda proxy integration:
 * `arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>[:<qualifier>]/invocations`.
 * Read by the guardrails and the route proofs, written by lib/config/views/lambda-backend.ts.
 */
const INVOKE_ARN =
  /^arn:(aws[a-z-]*):apigateway:([a-z0-9-]+):lambda:path\/2015-03-31\/functions\/(arn:aws[a-z-]*:lambda:[a-z0-9-]+:(\d{12}):function:[A-Za-z0-9_-]+)(?::([A-Za-z0-9_-]+))?\/invocations$/;

export interface LambdaInvokeTarget {
  /** Unqualified function ARN. */
  readonly functionArn: string;
  /** Account that owns the function. */
  readonly accountId: string;
  /** Alias or version. @default - none */
  readonly qualifier?: string;
}

/** The function an integration URI invokes; undefined when the URI is not a Lambda invoke ARN (or not a string). */
export function lambdaInvokeTarget(uri: unknown): LambdaInvokeTarget | undefined {
  const match = typeof uri === 'string' ? INVOKE_ARN.exec(uri) : null;
  if (!match) return undefined;
  return { functionArn: match[3]!, accountId: match[4]!, ...(match[5] ? { qualifier: match[5] } : {}) };
}
