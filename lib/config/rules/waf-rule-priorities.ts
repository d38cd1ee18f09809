import { edgeRulePlan } from '../views/edge-rule-plan';
import type { ConfigRule } from './rule';

/**
 * Every rule of the edge web ACL has its own priority and name: AWS WAF rejects duplicates at apply time,
 * long after review. Built-in rules hold fixed priorities (see edgeRulePlan); custom rules fit around them.
 */
export const wafRulePriorities: ConfigRule = {
  id: 'waf-rule-priorities',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const plan = edgeRulePlan(environment.waf);
      const taken = plan.filter((rule) => rule.kind !== 'custom');
      const reserved = taken.map((rule) => `${rule.priority} (${rule.name})`).join(', ');
      return plan.flatMap((rule) => {
        if (rule.kind !== 'custom') return [];
        const path = ['waf', 'customRules', rule.index];
        const samePriority = plan.find((other) => other !== rule && other.priority === rule.priority && (other.kind !== 'custom' || other.index < rule.index));
        const sameName = plan.find((other) => other !== rule && other.name === rule.name && (other.kind !== 'custom' || other.index < rule.index));
        return [
          ...(samePriority
            ? [
                {
                  file,
                  path: [...path, 'priority'],
                  message: `priority ${rule.priority} is already used by ${samePriority.name}`,
                  fix: `choose a priority no other rule uses; taken by built-in rules: ${reserved}`,
                },
              ]
            : []),
          ...(sameName
            ? [{ file, path: [...path, 'name'], message: `rule name "${rule.rule.name}" is used twice`, fix: 'give every custom rule its own name' }]
            : []),
        ];
      });
    }),
};
