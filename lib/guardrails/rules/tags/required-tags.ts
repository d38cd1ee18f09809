import type { AddressedResult, StackRule } from '../../rule';
import { COMPLIANT, nonCompliant } from '../../rule';
import { block, isAttributes, isSet } from '../../values';

export const requiredTags: StackRule = {
  id: 'UAG-TAG-001',
  kind: 'stack',
  severity: 'error',
  what: 'Every AWS provider carries the required tags as default_tags with non-empty values, and no resource blanks one.',
  why:
    "Environment, Stack, Owner, Repository and ManagedBy (plus the environment's guardrails.requiredTags) are how cost reports, " +
    'incident responders and the security team find who owns a resource and which code created it. Provider default_tags put ' +
    'them on every taggable resource; an empty value, or a resource overriding one with "", defeats that.',
  fix: 'Give the tag a value in environments/<env>.yaml (owner, repository, tags) and do not override required tags with empty values on resources.',
  check: (stack, context) => {
    const results: AddressedResult[] = [];
    for (const provider of stack.providers.filter(({ name }) => name === 'aws')) {
      const tags = block(provider.values.default_tags)?.tags;
      const missing = context.requiredTags.filter((key) => !isAttributes(tags) || !isSet(tags[key]));
      results.push({
        address: provider.address,
        result: missing.length === 0 ? COMPLIANT : nonCompliant(`default_tags lacks a value for ${missing.join(', ')}`),
      });
    }
    for (const resource of stack.resources) {
      const tags = resource.values.tags;
      if (!isAttributes(tags)) continue;
      const blanked = context.requiredTags.filter((key) => key in tags && !isSet(tags[key]));
      if (blanked.length > 0) results.push({ address: resource.address, result: nonCompliant(`tags set ${blanked.join(', ')} to an empty value`) });
    }
    return results;
  },
};
