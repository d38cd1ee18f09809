import { accountReferences } from './account-references';
import { cidrsDoNotOverlap } from './cidr-overlap';
import { consumerServices } from './consumer-services';
import { fileNamesMatch } from './file-names';
import { firewallManagerAdministrator } from './firewall-manager-administrator';
import { firewallManagerScope } from './firewall-manager-scope';
import type { ConfigRule } from './rule';
import { serviceDeployments } from './service-deployments';
import { shieldContacts } from './shield-contacts';
import { uniqueBasePaths } from './unique-base-paths';
import { wafManagedRuleGroups } from './waf-managed-rule-groups';
import { wafRateLimits } from './waf-rate-limits';
import { wafRulePriorities } from './waf-rule-priorities';

/** Cross-file rules, run after every file passed its schema. */
export const CONFIG_RULES: readonly ConfigRule[] = [
  fileNamesMatch,
  accountReferences,
  cidrsDoNotOverlap,
  serviceDeployments,
  uniqueBasePaths,
  consumerServices,
  wafRulePriorities,
  wafRateLimits,
  wafManagedRuleGroups,
  shieldContacts,
  firewallManagerScope,
  firewallManagerAdministrator,
];
