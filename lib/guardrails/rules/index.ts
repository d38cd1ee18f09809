import type { GuardrailRule } from '../rule';
import { cacheEncrypted } from './api-gateway/cache-encrypted';
import { dataTraceOff } from './api-gateway/data-trace-off';
import { deploymentTriggers } from './api-gateway/deployment-triggers';
import { domainTls } from './api-gateway/domain-tls';
import { corsExactOrigins } from './api-gateway/cors-exact-origins';
import { executeApiEndpointDisabled } from './api-gateway/execute-api-endpoint-disabled';
import { integrationKinds } from './api-gateway/integration-kinds';
import { methodsAuthorized } from './api-gateway/methods-authorized';
import { openApiOperationsAuthorized } from './api-gateway/openapi-operations-authorized';
import { principalIssuerForwarded } from './api-gateway/principal-issuer-forwarded';
import { privateApiSourceVpce } from './api-gateway/private-api-source-vpce';
import { privateDomainSourceVpce } from './api-gateway/private-domain-source-vpce';
import { stageAccessLogs } from './api-gateway/stage-access-logs';
import { stageLoggingLevel } from './api-gateway/stage-logging-level';
import { stageThrottling } from './api-gateway/stage-throttling';
import { stageTracing } from './api-gateway/stage-tracing';
import { distributionWebAcl } from './cloudfront/distribution-web-acl';
import { originHttpsOnly } from './cloudfront/origin-https-only';
import { originSecretRotation } from './cloudfront/origin-secret-rotation';
import { distributionHsts } from './cloudfront/hsts';
import { originTls } from './cloudfront/origin-tls';
import { originVerificationHeader } from './cloudfront/origin-verification-header';
import { viewerHttpsOnly } from './cloudfront/viewer-https-only';
import { viewerTls } from './cloudfront/viewer-tls';
import { deleteUnusedExplicit } from './firewall-manager/delete-unused-explicit';
import { policyScope } from './firewall-manager/policy-scope';
import { remediationInProduction } from './firewall-manager/remediation-in-production';
import { noAdminManagedPolicies } from './iam/no-admin-managed-policies';
import { noAnonymousPrincipal } from './iam/no-anonymous-principal';
import { noWildcardActions } from './iam/no-wildcard-actions';
import { servicePrincipalSource } from './iam/service-principal-source';
import { apiGatewayPermissionExact } from './lambda/api-gateway-permission-exact';
import { authorizerConcurrency } from './lambda/authorizer-concurrency';
import { functionLogRetention } from './lambda/log-retention';
import { permissionScoped } from './lambda/permission-scoped';
import { supportedRuntime } from './lambda/supported-runtime';
import { functionTracing } from './lambda/tracing';
import { deletionProtectionInProduction } from './load-balancing/deletion-protection-in-production';
import { loadBalancerInternal } from './load-balancing/internal';
import { listenerTlsPolicy } from './load-balancing/listener-tls-policy';
import { logGroupEncrypted } from './logs/log-group-encrypted';
import { logGroupRetention } from './logs/log-group-retention';
import { defaultSecurityGroupClosed } from './network/default-security-group-closed';
import { flowLogAllTraffic } from './network/flow-log-all-traffic';
import { noOpenIngress } from './network/no-open-ingress';
import { tgwAutoAccept } from './network/tgw-auto-accept';
import { tgwDefaultAssociation } from './network/tgw-default-association';
import { tgwDefaultPropagation } from './network/tgw-default-propagation';
import { tgwFlowLogs } from './network/tgw-flow-logs';
import { vpcFlowLogs } from './network/vpc-flow-logs';
import { alarmTopicReceivers } from './observability/alarm-topic-receivers';
import { certificateExpiryAlarm } from './observability/certificate-expiry-alarm';
import { targetGroupHealthAlarms } from './observability/target-group-health-alarms';
import { transitGatewayAttachmentAlarms } from './observability/transit-gateway-attachment-alarms';
import { declaredPrincipals } from './ram/declared-principals';
import { noExternalPrincipals } from './ram/no-external-principals';
import { bucketLifecycleExpiry } from './s3/lifecycle-expiry';
import { bucketTlsOnly } from './s3/tls-only';
import { bucketVersioning } from './s3/versioning';
import { targetGroupCreateFirst } from './replacement/target-group-create-first';
import { vpcLinkCreateFirst } from './replacement/vpc-link-create-first';
import { distributionProtected } from './shield/distribution-protected';
import { protectionHealthCheck } from './shield/protection-health-check';
import { awsProviderOnly } from './stack/aws-provider-only';
import { noEscapedReferences } from './stack/no-escaped-references';
import { resourceBudget } from './stack/resource-budget';
import { requiredTags } from './tags/required-tags';
import { apiHostileRulesCount } from './waf/api-rule-actions';
import { botControlAfterCheapRules } from './waf/bot-control-last';
import { commonRuleSet } from './waf/common-rule-set';
import { ipReputation } from './waf/ip-reputation';
import { knownBadInputs } from './waf/known-bad-inputs';
import { loggingRedactsAuthorization } from './waf/logging-redacts-authorization';
import { rateBasedRule } from './waf/rate-based-rule';
import { visibilityMetrics } from './waf/visibility-metrics';
import { webAclLogging } from './waf/web-acl-logging';

/** The pack, in the order docs/guardrails.md lists it. Ids are forever: retire a rule, never reuse its id. */
export const ALL_RULES: readonly GuardrailRule[] = [
  stageAccessLogs,
  stageTracing,
  stageLoggingLevel,
  stageThrottling,
  dataTraceOff,
  openApiOperationsAuthorized,
  methodsAuthorized,
  principalIssuerForwarded,
  executeApiEndpointDisabled,
  privateApiSourceVpce,
  privateDomainSourceVpce,
  domainTls,
  deploymentTriggers,
  cacheEncrypted,
  integrationKinds,
  corsExactOrigins,
  distributionWebAcl,
  viewerTls,
  viewerHttpsOnly,
  originHttpsOnly,
  originTls,
  originVerificationHeader,
  originSecretRotation,
  distributionHsts,
  distributionProtected,
  protectionHealthCheck,
  ipReputation,
  commonRuleSet,
  knownBadInputs,
  rateBasedRule,
  botControlAfterCheapRules,
  apiHostileRulesCount,
  webAclLogging,
  loggingRedactsAuthorization,
  visibilityMetrics,
  policyScope,
  remediationInProduction,
  deleteUnusedExplicit,
  noExternalPrincipals,
  declaredPrincipals,
  tgwAutoAccept,
  tgwDefaultAssociation,
  tgwDefaultPropagation,
  vpcFlowLogs,
  tgwFlowLogs,
  flowLogAllTraffic,
  noOpenIngress,
  defaultSecurityGroupClosed,
  loadBalancerInternal,
  deletionProtectionInProduction,
  listenerTlsPolicy,
  targetGroupCreateFirst,
  vpcLinkCreateFirst,
  alarmTopicReceivers,
  targetGroupHealthAlarms,
  transitGatewayAttachmentAlarms,
  certificateExpiryAlarm,
  functionTracing,
  functionLogRetention,
  supportedRuntime,
  authorizerConcurrency,
  permissionScoped,
  apiGatewayPermissionExact,
  noWildcardActions,
  noAnonymousPrincipal,
  noAdminManagedPolicies,
  servicePrincipalSource,
  logGroupRetention,
  logGroupEncrypted,
  bucketTlsOnly,
  bucketVersioning,
  bucketLifecycleExpiry,
  requiredTags,
  resourceBudget,
  awsProviderOnly,
  noEscapedReferences,
];
