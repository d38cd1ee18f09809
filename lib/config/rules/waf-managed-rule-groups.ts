import { API_COUNT_RULES, AWS_MANAGED_RULE_GROUPS } from '../schema/security';
import { edgeManagedRuleGroups } from '../views/edge-rule-plan';
import type { ConfigProblem } from '../problems';
import type { ConfigRule } from './rule';

/**
 * Managed rule groups are named exactly as AWS publishes them. A typo would otherwise surface as an
 * apply-time error (web ACL) or, worse, as a Firewall Manager policy that silently protects nothing.
 */
export const wafManagedRuleGroups: ConfigRule = {
  id: 'waf-managed-rule-groups',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const inEdgeAcl = edgeManagedRuleGroups(environment.waf);
      const settings = Object.keys(environment.waf.managedRuleGroups).flatMap((name): ConfigProblem[] => {
        const path = ['waf', 'managedRuleGroups', name];
        if (!isKnown(name)) return [unknown(file, path, name)];
        if (!inEdgeAcl.includes(name)) {
          return [
            {
              file,
              path,
              message: `managed rule group ${name} is not part of the edge web ACL`,
              fix: `configure one of the groups it evaluates (${inEdgeAcl.join(', ')}); enable anonymousIpList or botControl to add those groups`,
            },
          ];
        }
        // enforceRules only undoes the API defaults; anything else is a typo that would silently change nothing.
        const counted = API_COUNT_RULES[name] ?? [];
        return environment.waf.managedRuleGroups[name]!.enforceRules.flatMap((rule, index): ConfigProblem[] =>
          counted.includes(rule)
            ? []
            : [
                {
                  file,
                  path: [...path, 'enforceRules', index],
                  message: `${rule} is not one of the rules the gateway counts by default in ${name}`,
                  fix:
                    counted.length > 0 ? `name one of ${counted.join(', ')}, or remove the entry` : `remove the entry: ${name} blocks with every rule already`,
                },
              ],
        );
      });
      const seen = new Set<string>();
      const baseline = (environment.firewallManager?.waf.preProcessRuleGroups ?? []).flatMap(({ name }, index): ConfigProblem[] => {
        const path = ['firewallManager', 'waf', 'preProcessRuleGroups', index, 'name'];
        if (!isKnown(name)) return [unknown(file, path, name)];
        if (seen.has(name)) return [{ file, path, message: `managed rule group ${name} is listed twice`, fix: 'list each rule group once' }];
        seen.add(name);
        return [];
      });
      return [...settings, ...baseline];
    }),
};

function isKnown(name: string): boolean {
  return (AWS_MANAGED_RULE_GROUPS as readonly string[]).includes(name);
}

function unknown(file: string, path: PropertyKey[], name: string): ConfigProblem {
  const suggestion = closest(name);
  return {
    file,
    path,
    message: `unknown AWS managed rule group "${name}"${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    fix: `use one of: ${AWS_MANAGED_RULE_GROUPS.join(', ')}`,
  };
}

/** The known name within a few edits of `name` (case-insensitive), for typos such as CommonRuleset. */
function closest(name: string): string | undefined {
  const scored = AWS_MANAGED_RULE_GROUPS.map((known) => ({ known, distance: editDistance(name.toLowerCase(), known.toLowerCase()) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best.distance <= 4 ? best.known : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
