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
