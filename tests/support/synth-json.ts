import { Testing, type TerraformStack } from 'cdktf';

/** The synthesized Terraform JSON of one stack, parsed. */
export type TerraformJson = {
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: { backend?: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, Record<string, unknown>>;
  locals?: Record<string, unknown>;
};

export function synthJson(stack: TerraformStack): TerraformJson {
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

/** All resources of one type in a synthesized stack, by construct-derived name. */
export function resourcesOf(json: TerraformJson, type: string): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}

/**
 * The one resource of `type` whose name contains `nameContains` (any, when empty), as `[address, attributes]`;
 * fails naming the type and the count when there is none or more than one.
 */
export function onlyResourceEntry(json: TerraformJson, type: string, nameContains = ''): [string, Record<string, unknown>] {
  const found = Object.entries(json.resource?.[type] ?? {}).filter(([name]) => name.includes(nameContains));
  if (found.length !== 1) throw new Error(`expected one ${type}${nameContains ? ` named *${nameContains}*` : ''}, found ${found.length}`);
  return [`${type}.${found[0][0]}`, found[0][1]];
}

/** The attributes of the one resource of `type` whose name contains `nameContains` (see onlyResourceEntry). */
export function onlyResource<T = Record<string, unknown>>(json: TerraformJson, type: string, nameContains = ''): T {
  return onlyResourceEntry(json, type, nameContains)[1] as T;
}
