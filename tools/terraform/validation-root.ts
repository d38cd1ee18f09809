import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SynthesizedStack } from './manifest';

/**
 * One Terraform root module that calls every synthesized stack as a child module, so a single `terraform validate`
 * checks them all with one provider start instead of one (or three) per stack: the AWS provider takes seconds of
 * CPU to start and load its schema, and that was nearly all of a per-stack validate (docs/decisions/0019).
 *
 * Each stack is copied as a module without its backend (a child module may not have one) and without its provider
 * blocks: a module with its own provider blocks gets its own provider process. Provider blocks are grouped by
 * shape (attribute names and value types; tag maps count as one type) and the first block of each shape is
 * declared in the root, where terraform validates it with the real provider; every module's aliases point at the
 * root block of their shape. The files are laid out so that every diagnostic's file names its stack.
 */
export interface ValidationRoot {
  /** Stack id for a file of the root (`modules/<id>/cdk.tf.json`, `call-<id>.tf.json`, `provider-<n>.tf.json`). */
  readonly stackOfFile: ReadonlyMap<string, string>;
  /** For `provider-<n>.tf.json`: the provider block's address in its stack (`provider.aws`, `provider.aws.us_east_1`). */
  readonly providerOfFile: ReadonlyMap<string, string>;
  /** Provider blocks declared in the root: one per shape, each validated with the values of its first stack. */
  readonly providerShapes: number;
}

type Json = Record<string, unknown>;

/** A provider block's shape: attribute names and value types, alias aside, tag maps as one type. */
function shapeOf(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => shapeOf(item));
  if (value !== null && typeof value === 'object') {
    if (key === 'tags') return 'map';
    return Object.fromEntries(
      Object.entries(value as Json)
        .filter(([name]) => name !== 'alias')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, item]) => [name, shapeOf(item, name)]),
    );
  }
  return value === null ? 'null' : typeof value;
}

export function writeValidationRoot(stacks: readonly SynthesizedStack[], rootDir: string): ValidationRoot {
  const stackOfFile = new Map<string, string>();
  const providerOfFile = new Map<string, string>();
  const shapes = new Map<string, { alias: string; block: Json; stack: string }>();
  let requiredAws: Json | undefined;

  for (const stack of stacks) {
    const json = JSON.parse(readFileSync(path.join(stack.directory, 'cdk.tf.json'), 'utf8')) as Json & {
      provider?: { aws?: Json[] };
      terraform?: Json & { required_providers?: { aws?: Json } };
    };
    const blocks = json.provider?.aws ?? [];
    delete json.provider;
    const terraform = { ...json.terraform };
    delete terraform.backend;
    const aws = terraform.required_providers?.aws;
    requiredAws ??= aws;

    const providers: Record<string, string> = {};
    const aliases: string[] = [];
    for (const block of blocks) {
      const shape = JSON.stringify(shapeOf(block));
      if (!shapes.has(shape)) shapes.set(shape, { alias: `shape_${shapes.size}`, block, stack: stack.id });
      const local = typeof block.alias === 'string' ? `aws.${block.alias}` : 'aws';
      if (local !== 'aws') aliases.push(local);
      providers[local] = `aws.${shapes.get(shape)!.alias}`;
    }
    if (aws)
      terraform.required_providers = { ...terraform.required_providers, aws: { ...aws, ...(aliases.length > 0 ? { configuration_aliases: aliases } : {}) } };

    const moduleFile = path.posix.join('modules', stack.id, 'cdk.tf.json');
    mkdirSync(path.join(rootDir, 'modules', stack.id), { recursive: true });
    writeFileSync(path.join(rootDir, moduleFile), JSON.stringify({ ...json, terraform }, null, 2));
    stackOfFile.set(moduleFile, stack.id);

    const callFile = `call-${stack.id}.tf.json`;
    writeFileSync(
      path.join(rootDir, callFile),
      JSON.stringify({ module: { [moduleName(stack.id)]: { source: `./modules/${stack.id}`, providers } } }, null, 2),
    );
    stackOfFile.set(callFile, stack.id);
  }

  [...shapes.values()].forEach(({ alias, block, stack }, index) => {
    const file = `provider-${index}.tf.json`;
    writeFileSync(path.join(rootDir, file), JSON.stringify({ provider: { aws: [{ ...block, alias }] } }, null, 2));
    stackOfFile.set(file, stack);
    providerOfFile.set(file, typeof block.alias === 'string' ? `provider.aws.${block.alias}` : 'provider.aws');
  });
  writeFileSync(
    path.join(rootDir, 'terraform.tf.json'),
    JSON.stringify({ terraform: { required_providers: { aws: requiredAws ?? { source: 'hashicorp/aws' } } } }, null, 2),
  );
  return { stackOfFile, providerOfFile, providerShapes: shapes.size };
}

/** Module names must start with a letter; stack ids already do, and use only letters, digits and dashes. */
function moduleName(stackId: string): string {
  return `stack_${stackId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
