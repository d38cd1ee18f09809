import { requireManagedGroup } from './managed-group-rule';

export const knownBadInputs = requireManagedGroup({
  id: 'UAG-WAF-003',
  group: 'AWSManagedRulesKnownBadInputsRuleSet',
  what: 'Every web ACL includes the AWS managed Known bad inputs rule set.',
  why:
    'Known bad inputs blocks request patterns of published exploits (Log4Shell JNDI lookups, Java deserialization, ' +
    'localhost host headers) that backends written in any language may still be vulnerable to.',
});
