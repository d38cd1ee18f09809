import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/example-config';

const SEEDED_STATE = path.join(REPO_ROOT, 'tests', 'fixtures', 'plans', 'seeded-state', 'terraform.tfstate');

interface StateJson {
  resources: { instances: { attributes: Record<string, unknown> }[] }[];
}

/**
 * Puts the seeded state next to the fixture stack as its local backend state. `tags_all` is filled with
 * the stack's own default tags so that unchanged resources plan as no-op whatever the example
 * configuration's tags are.
 */
export function seedState(stackDirectory: string): void {
  const stack = JSON.parse(readFileSync(path.join(stackDirectory, 'cdk.tf.json'), 'utf8')) as {
    provider: { aws: { default_tags: { tags: Record<string, string> }[] }[] };
  };
  const defaultTags = stack.provider.aws[0].default_tags[0].tags;
  const state = JSON.parse(readFileSync(SEEDED_STATE, 'utf8')) as StateJson;
  for (const resource of state.resources) for (const instance of resource.instances) instance.attributes.tags_all = defaultTags;
  writeFileSync(path.join(stackDirectory, 'terraform.tfstate'), JSON.stringify(state, null, 2));
}
