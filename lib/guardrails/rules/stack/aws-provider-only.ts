import { COMPLIANT, nonCompliant, STACK_ADDRESS, type AddressedResult, type StackRule } from '../../rule';
import { isAttributes } from '../../values';

const AWS_SOURCES = new Set(['aws', 'hashicorp/aws', 'registry.terraform.io/hashicorp/aws']);
/** Built into Terraform itself, no provider download needed. */
const BUILTIN_TYPES = new Set(['terraform_data', 'data.terraform_remote_state']);

export const awsProviderOnly: StackRule = {
  id: 'UAG-STACK-002',
  kind: 'stack',
  severity: 'error',
  what: 'Stacks use only the hashicorp/aws provider (and Terraform built-ins).',
  why:
    'CI validates and plans offline against a provider mirror that carries hashicorp/aws only, and every extra provider is ' +
    'third-party code running with deploy credentials. A random, null, archive or tls provider breaks offline validation and ' +
    'widens the supply chain; secrets and archives are produced with AWS resources or at synth time instead.',
  fix: 'Replace the resource with an AWS equivalent (aws_secretsmanager_random_password data source, esbuild bundles built at synth time).',
  check: (stack) => {
    const results: AddressedResult[] = [];
    const required = stack.json.terraform?.required_providers;
    const foreign = Object.entries(isAttributes(required) ? required : {})
      .filter(([name, spec]) => name !== 'aws' || !AWS_SOURCES.has(String(isAttributes(spec) ? spec.source : spec)))
      .map(([name]) => name);
    results.push({ address: STACK_ADDRESS, result: foreign.length === 0 ? COMPLIANT : nonCompliant(`required_providers lists ${foreign.join(', ')}`) });
    for (const provider of stack.providers.filter(({ name }) => name !== 'aws')) {
      results.push({ address: provider.address, result: nonCompliant(`provider "${provider.name}" is configured`) });
    }
    for (const resource of stack.resources) {
      const bare = resource.type.replace(/^data\./, '');
      if (!bare.startsWith('aws_') && !BUILTIN_TYPES.has(resource.type)) {
        results.push({ address: resource.address, result: nonCompliant(`${resource.type} is not an AWS resource`) });
      }
    }
    return results;
  },
};
