import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { StackView, type TerraformStackJson } from '../guardrails/stack-view';
import { blocks, isAttributes, type Attributes } from '../guardrails/values';

/**
 * The synthesized output as Terraform will read it: `manifest.json` plus every stack's `cdk.tf.json`, indexed
 * once. Nothing here knows the configuration that produced it; route proofs read only what AWS will get.
 */

/** A synthesized stack with what route proofs look up across stacks: its environment, state key and outputs. */
export interface SynthesizedStack {
  readonly id: string;
  /** `Environment` default tag of its AWS provider, else the stack id's prefix (`dev` of `dev-gateway`). */
  readonly environment: string;
  /** Where its state lives (`s3:<bucket>/<key>` or `local:<path>`): remote-state data sources point here. */
  readonly stateLocation: string | undefined;
  readonly view: StackView;
  readonly outputs: Readonly<Record<string, Attributes>>;
  /** Relative path of the stack file inside the output directory, for messages. */
  readonly file: string;
}

export interface SynthesizedApp {
  readonly outdir: string;
  /** In manifest order. */
  readonly stacks: readonly SynthesizedStack[];
  readonly stack: (id: string) => SynthesizedStack | undefined;
  /** The stack whose backend is at this location (the producer a `terraform_remote_state` reads). */
  readonly stackAtStateLocation: (location: string) => SynthesizedStack | undefined;
  readonly environments: readonly string[];
  /**
   * Results computed once per app (resolved references, reverse indexes): a 200-service output has thousands of
   * routes that look up the same resources, and each lookup would otherwise rescan and re-resolve them.
   */
  readonly memo: <T>(key: string, compute: () => T) => T;
}

interface ManifestJson {
  readonly stacks?: Readonly<Record<string, { readonly synthesizedStackPath?: string }>>;
}

/** Thrown when the output directory cannot be read as a cdktf output (missing manifest, unreadable stack). */
export class SynthesizedOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthesizedOutputError';
  }
}

/** Loads `<outdir>/manifest.json` and every stack it lists. */
export function loadSynthesizedApp(outdir: string): SynthesizedApp {
  const manifestFile = path.join(outdir, 'manifest.json');
  const manifest = readJson(manifestFile, 'run `make synth` first') as ManifestJson;
  const stacks = Object.entries(manifest.stacks ?? {}).map(([id, entry]) => {
    const file = entry.synthesizedStackPath ?? path.join('stacks', id, 'cdk.tf.json');
    const json = readJson(path.join(outdir, file), `it is listed in ${manifestFile}`) as TerraformStackJson & { output?: Record<string, Attributes> };
    return synthesizedStack(id, file, json);
  });
  return appOf(outdir, stacks);
}

/** An app over stacks already in memory (tests break a hop in a copy of the synthesized JSON). */
export function appOf(outdir: string, stacks: readonly SynthesizedStack[]): SynthesizedApp {
  const byId = new Map(stacks.map((stack) => [stack.id, stack]));
  const byLocation = new Map(stacks.filter((stack) => stack.stateLocation).map((stack) => [stack.stateLocation!, stack]));
  const memos = new Map<string, unknown>();
  return {
    outdir,
    stacks,
    stack: (id) => byId.get(id),
    stackAtStateLocation: (location) => byLocation.get(location),
    environments: [...new Set(stacks.map((stack) => stack.environment))],
    memo: <T>(key: string, compute: () => T): T => {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}

export function synthesizedStack(id: string, file: string, json: TerraformStackJson & { output?: Record<string, Attributes> }): SynthesizedStack {
  return { id, file, environment: environmentOf(id, json), stateLocation: backendLocation(json), view: new StackView(id, json), outputs: json.output ?? {} };
}

/** `s3:<bucket>/<key>` or `local:<path>` for a `terraform.backend` block or a remote-state `config`. */
export function stateLocation(backend: string, config: Attributes | undefined): string | undefined {
  if (!config) return undefined;
  if (backend === 's3' && typeof config.bucket === 'string' && typeof config.key === 'string') return `s3:${config.bucket}/${config.key}`;
  if (backend === 'local' && typeof config.path === 'string') return `local:${path.basename(config.path)}`;
  return undefined;
}

function backendLocation(json: TerraformStackJson): string | undefined {
  const backends = isAttributes(json.terraform?.backend) ? json.terraform.backend : {};
  const [name, config] = Object.entries(backends)[0] ?? [];
  return name ? stateLocation(name, isAttributes(config) ? config : undefined) : undefined;
}

function environmentOf(id: string, json: TerraformStackJson): string {
  const providers = json.provider?.aws;
  const first = Array.isArray(providers) ? (providers[0] as Attributes | undefined) : (providers as Attributes | undefined);
  const tags = blocks(first?.default_tags)[0]?.tags;
  const tagged = isAttributes(tags) ? tags.Environment : undefined;
  return typeof tagged === 'string' && tagged !== '' ? tagged : id.split('-')[0]!;
}

function readJson(file: string, hint: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SynthesizedOutputError(`${file} is missing (${hint})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SynthesizedOutputError(`${file} is not JSON: ${(error as Error).message}`);
  }
}
