import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface SynthesizedStack {
  readonly id: string;
  /** Absolute directory holding `cdk.tf.json`. */
  readonly directory: string;
  readonly dependencies: readonly string[];
}

/** Reads the stacks cdktf wrote into `outdir/manifest.json`. */
export function readManifest(outdir: string): SynthesizedStack[] {
  const file = path.join(outdir, 'manifest.json');
  let manifest: { stacks?: Record<string, { workingDirectory: string; dependencies?: string[] }> };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as Error).message}); run make synth first`);
  }
  return Object.entries(manifest.stacks ?? {}).map(([id, stack]) => ({
    id,
    directory: path.join(outdir, stack.workingDirectory),
    dependencies: stack.dependencies ?? [],
  }));
}
