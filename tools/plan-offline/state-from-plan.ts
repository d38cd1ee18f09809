import { createHash } from 'node:crypto';

/**
 * A Terraform state (format 4) that says "everything in this plan exists", built from the plan's planned values, so an
 * offline plan of a changed configuration shows what a real apply would replace, and in which order. Used to rehearse
 * a change offline (tests/tools/plan-offline/replacement.test.ts), never to manage infrastructure.
 *
 * Values known at plan time are copied. Values known only after apply become stand-ins: `id` and every attribute another
 * resource references get a deterministic string, and each reference then resolves to the stand-in of what it refers to
 * (so unchanged resources stay unchanged); everything else unknown is left null.
 */

interface PlannedResource {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly provider_name: string;
  readonly schema_version: number;
  readonly values: Record<string, unknown>;
}

interface ResourceChangeJson {
  readonly address: string;
  readonly change: { readonly after_unknown?: Record<string, unknown> };
}

interface ConfigResource {
  readonly address: string;
  readonly provider_config_key?: string;
  readonly expressions?: Record<string, unknown>;
}

export interface PlanJson {
  readonly terraform_version: string;
  readonly planned_values: { readonly root_module: { readonly resources?: readonly PlannedResource[] } };
  readonly resource_changes?: readonly ResourceChangeJson[];
  readonly configuration: {
    readonly provider_config?: Record<string, { readonly name: string; readonly alias?: string }>;
    readonly root_module: { readonly resources?: readonly ConfigResource[] };
  };
}

/** `"${aws_lb.shared.arn}"` style references inside a configuration expression: `[address, attribute]` pairs. */
function referencesOf(expression: unknown): [string, string][] {
  const found: [string, string][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const references = (node as { references?: unknown }).references;
      if (Array.isArray(references)) {
        for (const reference of references) {
          const match = /^((?:data\.)?[a-z0-9_]+\.[\w-]+)\.([a-z0-9_]+)$/.exec(String(reference));
          if (match) found.push([match[1], match[2]]);
        }
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(expression);
  return found;
}

/** A deterministic value for an attribute known only after apply; ARNs keep the ARN shape providers validate. */
function standIn(address: string, attribute: string): string {
  const hash = createHash('sha256').update(`${address}.${attribute}`).digest('hex').slice(0, 17);
  if (attribute === 'arn' || attribute.endsWith('_arn')) return `arn:aws:offline:us-east-1:000000000000:${address.split('.')[0]}/${hash}`;
  return `${attribute}-${hash}`;
}

/** The synthesized `cdk.tf.json` the plan was made from: the raw attribute values, references as `${...}`. */
export interface SynthesizedStackJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
}

const WHOLE_REFERENCE = /^\$\{((?:data\.)?[a-z0-9_]+\.[\w-]+)\.([a-z0-9_]+)\}$/;

export function stateFromPlan(plan: PlanJson, synthesized: SynthesizedStackJson): Record<string, unknown> {
  const planned = (plan.planned_values.root_module.resources ?? []).filter((resource) => resource.mode === 'managed');
  const unknown = new Map((plan.resource_changes ?? []).map((change) => [change.address, change.change.after_unknown ?? {}]));
  const configured = new Map((plan.configuration.root_module.resources ?? []).map((resource) => [resource.address, resource]));

  // Which attributes other resources read: those need stand-ins everyone agrees on.
  const referenced = new Set<string>();
  for (const resource of configured.values()) for (const [address, attribute] of referencesOf(resource.expressions)) referenced.add(`${address}.${attribute}`);

  const values = new Map<string, Record<string, unknown>>();
  const evaluate = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const match = WHOLE_REFERENCE.exec(value);
      if (match) return match[1].startsWith('data.') ? null : valueOf(match[1], match[2]);
      return value.includes('${') ? null : value;
    }
    if (Array.isArray(value)) return value.map(evaluate);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, evaluate(item)]));
    return value;
  };
  const resolving = new Set<string>();
  const valueOf = (address: string, attribute: string): unknown => {
    const resource = planned.find((candidate) => candidate.address === address);
    if (!resource) return null;
    return attributesOf(resource)[attribute] ?? null;
  };
  const attributesOf = (resource: PlannedResource): Record<string, unknown> => {
    const done = values.get(resource.address);
    if (done) return done;
    if (resolving.has(resource.address)) return resource.values;
    resolving.add(resource.address);
    const attributes: Record<string, unknown> = { ...resource.values };
    const unknownAttributes = unknown.get(resource.address) ?? {};
    for (const [attribute, isUnknown] of Object.entries(unknownAttributes)) {
      if (isUnknown === false) continue;
      // Nested blocks keep their planned shape (a list of objects); their unknown leaves stay null.
      const planned = resource.values[attribute];
      if (Array.isArray(planned) && planned.some((item) => item !== null && typeof item === 'object')) continue;
      // The configured value with its references replaced by what they point at (cdktf writes whole-value references).
      const [type, name] = resource.address.split('.');
      const configuredValue = synthesized.resource?.[type]?.[name]?.[attribute];
      if (configuredValue !== undefined) attributes[attribute] = evaluate(configuredValue);
      else if (isUnknown === true && (attribute === 'id' || referenced.has(`${resource.address}.${attribute}`)))
        attributes[attribute] = standIn(resource.address, attribute);
      else if (isUnknown === true) attributes[attribute] = null;
    }
    if (attributes.id === undefined || attributes.id === null) attributes.id = standIn(resource.address, 'id');
    values.set(resource.address, attributes);
    resolving.delete(resource.address);
    return attributes;
  };

  const providers = plan.configuration.provider_config ?? {};
  return {
    version: 4,
    terraform_version: plan.terraform_version,
    serial: 1,
    lineage: 'offline-rehearsal',
    outputs: {},
    resources: planned.map((resource) => {
      const key = configured.get(resource.address)?.provider_config_key ?? 'aws';
      const provider = providers[key];
      const alias = provider?.alias ? `.${provider.alias}` : '';
      return {
        mode: 'managed',
        type: resource.type,
        name: resource.name,
        provider: `provider["${resource.provider_name}"]${alias}`,
        instances: [{ schema_version: resource.schema_version, attributes: attributesOf(resource), sensitive_attributes: [] }],
      };
    }),
  };
}
