import { accountReferences } from './account-references';
import { alarmNotifications } from './alarm-notifications';
import { authorizerRoutes } from './authorizer-routes';
import { backendAddresses } from './backend-addresses';
import { backendKinds } from './backend-kinds';
import { backendTlsServerNames } from './backend-tls-server-names';
import { cidrsDoNotOverlap } from './cidr-overlap';
import { consumerEndpoints } from './consumer-endpoints';
import { consumerServices } from './consumer-services';
import { fileNamesMatch } from './file-names';
import { firewallManagerAdministrator } from './firewall-manager-administrator';
import { firewallManagerScope } from './firewall-manager-scope';
import { logSubscriptionDestination } from './log-subscription-destination';
import { networkSegments } from './network-segments';
import { openApiDocuments } from './openapi-documents';
import { organizationSettingsOwner } from './organization-settings-owner';
import { privateAccessMatrix } from './private-access-matrix';
import { privateBasePaths } from './private-base-paths';
import { privateDomainCertificate } from './private-domain-certificate';
import { privateIntegrationQuotas } from './private-integration-quotas';
import type { ConfigRule } from './rule';
import { serviceDeployments } from './service-deployments';
import { shieldContacts } from './shield-contacts';
import { spokeAccountsInOrganization } from './spoke-accounts-in-organization';
import { uniqueBasePaths } from './unique-base-paths';
import { vpcSizes } from './vpc-sizes';
import { wafManagedRuleGroups } from './waf-managed-rule-groups';
import { wafRateLimits } from './waf-rate-limits';
import { wafRulePriorities } from './waf-rule-priorities';

/** Cross-file rules, run after every file passed its schema. */
export const CONFIG_RULES: readonly ConfigRule[] = [
  fileNamesMatch,
  accountReferences,
  cidrsDoNotOverlap,
  serviceDeployments,
  backendKinds,
  uniqueBasePaths,
  openApiDocuments,
  authorizerRoutes,
  organizationSettingsOwner,
  logSubscriptionDestination,
  consumerServices,
  privateAccessMatrix,
  privateBasePaths,
  privateDomainCertificate,
  consumerEndpoints,
  networkSegments,
  spokeAccountsInOrganization,
  backendAddresses,
  privateIntegrationQuotas,
  backendTlsServerNames,
  vpcSizes,
  wafRulePriorities,
  wafRateLimits,
  wafManagedRuleGroups,
  shieldContacts,
  firewallManagerScope,
  firewallManagerAdministrator,
  alarmNotifications,
];
