import { App, TerraformVariable } from 'cdktf';
import type { Environment } from '../../../lib/config/schema/environment';
import { LandingZoneStack } from '../../../stacks/base-stack';
import { exampleEnvironment } from '../../support/example-config';
import { onlyResource, resourcesOf, synthJson, type TerraformJson } from '../../support/synth-json';

/** A gateway-account stack of an example environment (optionally edited) to host the construct under test. */
export function gatewayTestStack(name = 'prod', edit?: (environment: Environment) => void): { stack: LandingZoneStack; environment: Environment } {
  const environment = structuredClone(exampleEnvironment(name));
  edit?.(environment);
  const stack = new LandingZoneStack(new App(), { environment, kind: 'gateway', accountAlias: environment.roles.gateway });
  return { stack, environment };
}

/** A reference standing in for the generated origin secret: tests must never need a literal secret. */
export function secretReference(stack: LandingZoneStack, id = 'origin_secret'): string {
  return new TerraformVariable(stack, id, { type: 'string', sensitive: true }).stringValue;
}

/** The only resource of a type, failing clearly when there are none or several. */
export const single = (json: TerraformJson, type: string): Record<string, unknown> => onlyResource(json, type);

/** The resource of a type whose construct path ends with `suffix` (cdktf names resources `<path joined by _>_<hash>`). */
export function byPath(json: TerraformJson, type: string, suffix: string): Record<string, unknown> {
  const pattern = new RegExp(`(^|_)${suffix.split('/').join('_')}_[0-9A-F]{8}$`);
  const found = Object.entries(resourcesOf(json, type)).filter(([address]) => pattern.test(address));
  if (found.length !== 1) throw new Error(`expected one ${type} at …${suffix}, found ${found.length}`);
  return found[0][1];
}

/** The data source of a type whose construct path ends with `suffix`. */
export function dataByPath(json: TerraformJson, type: string, suffix: string): Record<string, unknown> {
  return byPath({ resource: json.data }, type, suffix);
}

export type WebAclRule = {
  name: string;
  priority: number;
  action?: Record<string, unknown>;
  override_action?: Record<string, unknown>;
  statement: Record<string, Record<string, unknown>>;
  visibility_config: Record<string, unknown>;
};

export { resourcesOf, synthJson };
