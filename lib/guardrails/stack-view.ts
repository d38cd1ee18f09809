import type { Attributes } from './values';

/** The parts of a synthesized `cdk.tf.json` the guardrails read. */
export interface TerraformStackJson {
  readonly provider?: Readonly<Record<string, readonly Attributes[] | Attributes>>;
  readonly terraform?: Attributes;
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Attributes>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, Attributes>>>>;
}

/** One `resource` or `data` block of a synthesized stack. */
export interface TerraformResource {
  /** Terraform address: `aws_vpc.gateway` or `data.aws_iam_policy_document.invoke`. */
  readonly address: string;
  /** `aws_vpc` for resources, `data.aws_iam_policy_document` for data sources (the key rules register with). */
  readonly type: string;
  readonly name: string;
  /** Attributes exactly as synthesized (snake_case, blocks as objects or arrays, references as `${...}`). */
  readonly values: Attributes;
}

/** A provider configuration, e.g. `provider.aws` or `provider.aws.us_east_1`. */
export interface ProviderBlock {
  readonly address: string;
  /** Provider name: `aws`, `random`, ... */
  readonly name: string;
  readonly values: Attributes;
}

/**
 * A synthesized stack indexed once by type and address, so every rule looks up what it needs
 * (the log group of a function, the policy of an API) without scanning the JSON again.
 */
export class StackView {
  /** Managed resources and data sources in file order. */
  readonly resources: readonly TerraformResource[];
  readonly providers: readonly ProviderBlock[];
  /** Number of managed resources (data sources excluded). */
  readonly managedResourceCount: number;
  private readonly byType = new Map<string, TerraformResource[]>();
  private readonly byAddress = new Map<string, TerraformResource>();

  constructor(
    /** Stack id, e.g. `prod-gateway`. */
    readonly id: string,
    readonly json: TerraformStackJson,
  ) {
    const resources: TerraformResource[] = [];
    const add = (prefix: string, blocks: TerraformStackJson['resource']): number => {
      let count = 0;
      for (const [type, named] of Object.entries(blocks ?? {})) {
        for (const [name, values] of Object.entries(named ?? {})) {
          const key = `${prefix}${type}`;
          const resource: TerraformResource = { address: `${key}.${name}`, type: key, name, values };
          resources.push(resource);
          this.byAddress.set(resource.address, resource);
          const list = this.byType.get(key);
          if (list) list.push(resource);
          else this.byType.set(key, [resource]);
          count++;
        }
      }
      return count;
    };
    this.managedResourceCount = add('', json.resource);
    add('data.', json.data);
    this.resources = resources;
    this.providers = Object.entries(json.provider ?? {}).flatMap(([name, configs]) =>
      (Array.isArray(configs) ? configs : [configs]).map((values: Attributes) => ({
        name,
        values,
        address: typeof values.alias === 'string' ? `provider.${name}.${values.alias}` : `provider.${name}`,
      })),
    );
  }

  /** Resources of one type (`aws_flow_log`) or data sources (`data.aws_iam_policy_document`). */
  ofType(type: string): readonly TerraformResource[] {
    return this.byType.get(type) ?? [];
  }

  get(address: string): TerraformResource | undefined {
    return this.byAddress.get(address);
  }

  /** Whether any resource of these types exists in the stack. */
  has(...types: string[]): boolean {
    return types.some((type) => this.byType.has(type));
  }
}
