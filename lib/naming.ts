import { createHash } from 'node:crypto';
import { partitionOf } from './config/aws-regions';

/**
 * Every name the project derives comes from here, so a naming change is one diff and one test.
 * Stack ids are a contract: they are state keys, so renaming one orphans its state.
 */

export type StackKind = 'org' | 'security' | 'network' | 'gateway' | 'api' | 'spoke';

/** `<env>-<kind>[-<name>]`, e.g. `prod-gateway`, `prod-api-payments`, `prod-spoke-444455556666`. */
export function stackId(environment: string, kind: StackKind, name?: string): string {
  return name === undefined ? `${environment}-${kind}` : `${environment}-${kind}-${name}`;
}

/** One state object per stack under the environment's prefix. */
export function stateKey(keyPrefix: string, id: string): string {
  return `${keyPrefix}/${id}.tfstate`;
}

/** The role each stack's provider assumes in its own account. */
export function deployRoleArn(region: string, accountId: string, roleName: string): string {
  return `arn:${partitionOf(region)}:iam::${accountId}:role/${roleName}`;
}

/** Shows up in CloudTrail, so an API call can be traced back to the stack that made it. */
export function deploySessionName(id: string): string {
  return `uag-${id}`.slice(0, 64);
}

/** Resource names within an environment: `<env>-<parts...>`, e.g. `prod-payments`. */
export function resourceName(environment: string, ...parts: string[]): string {
  return [environment, ...parts].join('-');
}

/** Lambda logs to `/aws/lambda/<function>`; modules create that group themselves to own retention and encryption. */
export function lambdaLogGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** Execution role of a function. IAM role names are limited to 64 characters. */
export function lambdaExecutionRoleName(functionName: string): string {
  const name = `${functionName}-exec`;
  if (name.length > 64) throw new Error(`execution role name "${name}" exceeds IAM's 64 characters; shorten the function name "${functionName}"`);
  return name;
}

/** `<function>-<signal>`, e.g. `prod-authorizer-errors`: alarms sort next to the function they watch. */
export function lambdaAlarmName(functionName: string, signal: string): string {
  return `${functionName}-${signal}`;
}

/**
 * WAF logging destinations must be named `aws-waf-logs-*` or AWS WAF refuses them:
 * `aws-waf-logs-<env>-<parts...>`, e.g. `aws-waf-logs-prod-edge`.
 */
export function wafLogDestinationName(environment: string, ...parts: string[]): string {
  return ['aws-waf-logs', environment, ...parts].join('-');
}

/**
 * Names limited to 32 characters (load balancers, target groups): `<env>-<parts...>`, shortened with a stable
 * hash suffix when too long, so two long service names never collide.
 */
export function shortName(environment: string, ...parts: string[]): string {
  const name = resourceName(environment, ...parts);
  if (name.length <= 32) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
  return `${name.slice(0, 25).replace(/-+$/, '')}-${hash}`;
}

/**
 * Target group of one backend: `<env>-<service>-<protocol>-<port>`, shortened like shortName. Port and protocol are in
 * the name because changing either replaces the target group: the new one needs a name the old one does not hold, so
 * Terraform can create it first, move the listener and only then delete the old one (create_before_destroy).
 */
export function targetGroupName(environment: string, service: string, protocol: string, port: number): string {
  return shortName(environment, service, protocol.toLowerCase(), String(port));
}

/** `/uag/<env>/flow-logs/<subject>`, e.g. `/uag/prod/flow-logs/gateway-vpc`. */
export function flowLogGroupName(environment: string, subject: string): string {
  return `/uag/${environment}/flow-logs/${subject}`;
}

/** The regional custom domain CloudFront forwards to: `<originSubdomain>.<public>`, e.g. `origin.api.example.com`. */
export function originDomainName(domains: { readonly originSubdomain: string; readonly public: string }): string {
  return `${domains.originSubdomain}.${domains.public}`;
}

/**
 * REST API names of a service: `<env>-<service>`, and `<env>-<service>-internal` for the PRIVATE twin of a service
 * that is both public and private (an API has one endpoint type).
 */
export function restApiNames(environment: string, service: string, visibility: 'public' | 'private' | 'both'): { public?: string; private?: string } {
  const name = resourceName(environment, service);
  if (visibility === 'public') return { public: name };
  if (visibility === 'private') return { private: name };
  return { public: name, private: `${name}-internal` };
}

/** Access-log group of a REST API stage: `/uag/api/<api name>/access` (API_LOG_GROUP_PREFIX is what the logging role may write). */
export function apiAccessLogGroupName(apiName: string): string {
  return `${API_LOG_GROUP_PREFIX}${apiName}/access`;
}

/** Prefix of every API access-log group. */
export const API_LOG_GROUP_PREFIX = '/uag/api/';

/** Alias of the customer managed key that encrypts the log groups of one stack (or one created VPC): `alias/<owner>-logs`. */
export function logKeyAlias(owner: string): string {
  return `alias/${owner}-logs`;
}
