import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { onlyResource, type TerraformJson as SharedTerraformJson } from '../../../support/synth-json';

/** A bare stack with an AWS provider, for constructs that do not need the landing-zone base stack. */
export function testStack(): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AwsProvider(stack, 'aws', { region: 'ap-southeast-1' });
  return { app, stack };
}

export interface SynthesizedStack {
  /** The stack's cdk.tf.json. */
  readonly json: TerraformJson;
  /** Reads a file relative to the stack's directory, e.g. an asset path taken from the JSON. */
  readonly readFile: (relative: string) => Buffer;
}

/** A fully synthesized stack always has resources here. */
export type TerraformJson = SharedTerraformJson & { resource: NonNullable<SharedTerraformJson['resource']> };
export { onlyResource };

/** Full synthesis (assets are copied), so tests can open the archive Terraform would upload. */
export function synthesizeStack(app: App, stack: TerraformStack): SynthesizedStack {
  app.synth();
  const stackDir = path.join(app.outdir, 'stacks', stack.node.id);
  return {
    json: JSON.parse(readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as TerraformJson,
    readFile: (relative) => readFileSync(path.join(stackDir, relative)),
  };
}

/** Policy statements of a data.aws_iam_policy_document whose Terraform address contains `nameFragment`. */
export function policyStatements(json: TerraformJson, nameFragment: string): Array<Record<string, unknown>> {
  const documents = Object.entries(json.data?.aws_iam_policy_document ?? {}).filter(([name]) => name.includes(nameFragment));
  if (documents.length !== 1)
    throw new Error(`expected one policy document matching ${nameFragment}, found ${documents.map(([name]) => name).join(', ') || 'none'}`);
  return documents[0][1].statement as Array<Record<string, unknown>>;
}
