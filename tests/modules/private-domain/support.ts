import type { Environment } from '../../../lib/config/schema/environment';
import type { TerraformJson } from '../../support/synth-json';

/** The attributes of every resource of a type in one stack, keyed by construct path (`prod-gateway/PrivateDomain/...`). */
export function byPath(json: TerraformJson, type: string): Map<string, Record<string, unknown>> {
  return new Map(Object.values(json.resource?.[type] ?? {}).map((body) => [(body['//'] as { metadata: { path: string } }).metadata.path, body]));
}

/** Like byPath, for data sources. */
export function dataByPath(json: TerraformJson, type: string): Map<string, Record<string, unknown>> {
  return new Map(Object.values(json.data?.[type] ?? {}).map((body) => [(body['//'] as { metadata: { path: string } }).metadata.path, body]));
}

/** The one element of a map, failing with what was there otherwise. */
export function only<T>(map: Map<string, T>, what: string): T {
  if (map.size !== 1) throw new Error(`expected one ${what}, found ${map.size}: ${[...map.keys()].join(', ')}`);
  return [...map.values()][0]!;
}

/** `${aws_vpc_endpoint.<name>.id}` for the endpoint at a construct path. */
export function referenceTo(json: TerraformJson, type: string, constructPath: string, attribute: string): string {
  const name = Object.entries(json.resource?.[type] ?? {}).find(
    ([, body]) => (body['//'] as { metadata: { path: string } }).metadata.path === constructPath,
  )?.[0];
  if (!name) throw new Error(`no ${type} at ${constructPath}`);
  return `\${${type}.${name}.${attribute}}`;
}

/** The environment with an account moved into (or out of) the organization. */
export function withAccountInOrganization(environment: Environment, alias: string, inOrganization: boolean): Environment {
  return { ...environment, accounts: { ...environment.accounts, [alias]: { ...environment.accounts[alias]!, inOrganization } } };
}
