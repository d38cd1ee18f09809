import { z } from 'zod';
import { LOG_RETENTION_DAYS } from '../../log-retention';
import { email, ipv4Cidr, slug } from './fields';

/**
 * Perimeter security settings in `environments/<env>.yaml`:
 *   waf              the gateway's edge web ACL (CloudFront, us-east-1) and its logging
 *   shield           Shield Advanced for the gateway account (protections, SRT, proactive engagement)
 *   firewallManager  organization-wide Firewall Manager policies defined in the security account
 * Bounds that need context (unique priorities, rate limits, known rule groups, scopes) are checked by
 * the rules in lib/config/rules so every problem names its path and a fix.
 */

/**
 * AWS managed rule groups this project can place in a web ACL or a Firewall Manager policy. Groups that
 * need a configuration block the provider cannot express here (ATP, ACFP, anti-DDoS) are left out.
 */
export const AWS_MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesAnonymousIpList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesAdminProtectionRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesSQLiRuleSet',
  'AWSManagedRulesLinuxRuleSet',
  'AWSManagedRulesUnixRuleSet',
  'AWSManagedRulesWindowsRuleSet',
  'AWSManagedRulesPHPRuleSet',
  'AWSManagedRulesWordPressRuleSet',
  'AWSManagedRulesBotControlRuleSet',
] as const;

/** The edge web ACL's baseline, always present, in evaluation order. */
export const EDGE_BASELINE_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesSQLiRuleSet',
] as const;

/**
 * Rules of AWS managed groups that block legitimate API clients, and so run in count mode in the gateway's web ACLs
 * unless `enforceRules` names them (decision 0016-edge-protection; guarded by UAG-WAF-009). Counting still labels and
 * logs every match.
 *   HostingProviderIPList  partners and backends calling from cloud hosts (EC2, other clouds) are hosting-provider IPs
 *   SizeRestrictions_BODY  bodies over 8 KB (batch payments, documents) are normal for APIs
 *   NoUserAgent_HEADER     machine clients (curl, SDKs, partner gateways) often send no User-Agent
 */
export const API_COUNT_RULES: Readonly<Record<string, readonly string[]>> = {
  AWSManagedRulesAnonymousIpList: ['HostingProviderIPList'],
  AWSManagedRulesCommonRuleSet: ['SizeRestrictions_BODY', 'NoUserAgent_HEADER'],
};

/** AWS WAF limits for rate-based rules (WAF developer guide, "Rate-based rule statement"). */
export const RATE_LIMIT_BOUNDS = { min: 10, max: 2_000_000_000 } as const;
export const RATE_LIMIT_WINDOWS_SECONDS = [60, 120, 300, 600] as const;

const ruleName = z
  .string()
  .regex(/^[A-Za-z][\w-]{0,63}$/, { error: (issue) => `must be 1-64 letters, digits, _ or -, starting with a letter, got "${String(issue.input)}"` });

const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: (issue) => `must be an ISO 3166-1 alpha-2 country code such as KP, got "${String(issue.input)}"` });

const uriPathPrefix = z.string().regex(/^\/[a-z0-9/._~-]*$/, {
  error: (issue) => `must be a lowercase URI path starting with / (requests are lower-cased before matching), got "${String(issue.input)}"`,
});

const managedRuleGroupVersion = z
  .string()
  .regex(/^Version_\d+(\.\d+)*$/, { error: (issue) => `must be a managed rule group version such as Version_1.12, got "${String(issue.input)}"` });

/** `block` enforces, `count` only records matches: the staged roll-out switch. */
const enforcement = z.enum(['block', 'count']);

const RateLimit = z.strictObject({
  limit: z
    .number()
    .int()
    .meta({ description: `Requests per evaluation window and client IP (${RATE_LIMIT_BOUNDS.min}-${RATE_LIMIT_BOUNDS.max}).` }),
  evaluationWindowSeconds: z
    .number()
    .int()
    .default(300)
    .meta({ description: `Window the limit applies to: one of ${RATE_LIMIT_WINDOWS_SECONDS.join(', ')}.` }),
  action: enforcement.default('block').meta({ description: 'block answers 429 Too Many Requests; count only records.' }),
});

const PathRateLimit = RateLimit.extend({
  name: slug.meta({ description: 'Names the rule (RateLimit-<name>) and its metric.' }),
  pathPrefix: uriPathPrefix.meta({ description: 'URI path prefix the stricter limit applies to.', examples: ['/oauth2/token'] }),
}).meta({ description: 'A stricter per-IP limit for a sensitive path such as a token endpoint.' });

const ManagedRuleGroupSettings = z
  .strictObject({
    version: managedRuleGroupVersion.optional().meta({ description: "Pinned version; AWS's default version when absent." }),
    mode: enforcement.default('block').meta({ description: 'count moves the whole group to count mode (override action).' }),
    countRules: z
      .array(z.string().regex(/^[\w-]{1,128}$/, { error: 'must be a rule name of the group, e.g. SizeRestrictions_BODY' }))
      .default([])
      .meta({ description: 'Rules of the group moved to count mode (rule action overrides), for staged roll-outs.' }),
    enforceRules: z
      .array(z.string().regex(/^[\w-]{1,128}$/, { error: 'must be a rule name of the group, e.g. NoUserAgent_HEADER' }))
      .default([])
      .meta({
        description:
          'Rules the gateway counts by default for API clients (HostingProviderIPList; SizeRestrictions_BODY, NoUserAgent_HEADER) that should block here after all.',
      }),
  })
  .meta({ description: 'Version pin and count-mode overrides of one AWS managed rule group.' });

const CustomRuleMatch = z
  .strictObject({
    pathPrefix: uriPathPrefix.optional(),
    header: z
      .strictObject({ name: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be a lowercase HTTP header name' }), equals: z.string().min(1).max(200) })
      .optional(),
    ipCidrs: z.array(ipv4Cidr).min(1).optional(),
    countries: z.array(countryCode).min(1).optional(),
  })
  .refine((match) => Object.values(match).some((value) => value !== undefined), {
    error: 'give at least one of pathPrefix, header, ipCidrs, countries (all given conditions must match)',
  });

const CustomRule = z
  .strictObject({
    name: ruleName.meta({ description: 'Rule and metric name; appears as Custom-<name> in the web ACL.' }),
    priority: z.number().int().min(1).meta({ description: 'Evaluation order; must not collide with the built-in rules (see waf docs).' }),
    action: z.enum(['allow', 'block', 'count', 'captcha', 'challenge']),
    match: CustomRuleMatch,
  })
  .meta({ description: 'A rule of your own; every condition under match must hold.' });

export const WafSchema = z
  .strictObject({
    allowList: z
      .array(ipv4Cidr)
      .default([])
      .meta({ description: 'Trusted client networks allowed before any other rule (partners, monitoring). Keep it short.' }),
    managedRuleGroups: z
      .record(z.string(), ManagedRuleGroupSettings)
      .default({})
      .meta({ description: 'Per managed rule group of the edge web ACL: version pin and count-mode overrides.' }),
    anonymousIpList: z.boolean().default(false).meta({ description: 'Add AWSManagedRulesAnonymousIpList (VPNs, Tor, hosting providers).' }),
    botControl: z
      .strictObject({
        enabled: z.boolean().default(false),
        inspectionLevel: z.enum(['COMMON', 'TARGETED']).default('COMMON').meta({ description: 'TARGETED adds browser interrogation and costs more.' }),
      })
      .prefault({})
      .meta({ description: 'AWSManagedRulesBotControlRuleSet (charged per request).' }),
    rateLimits: z
      .strictObject({
        perIp: RateLimit.meta({ description: 'The global per-client-IP limit.' }),
        paths: z.array(PathRateLimit).max(20).default([]),
      })
      .meta({ description: 'Layered rate-based rules: one global per-IP limit, stricter limits for sensitive paths.' }),
    originRateLimit: z
      .strictObject({
        limit: z.number().int().default(100_000),
        evaluationWindowSeconds: z.number().int().default(300),
      })
      .prefault({})
      .meta({
        description:
          'Per source IP at the regional web ACL. Requests arrive from CloudFront edge addresses that many clients share, so this is a circuit breaker for the origin, not a per-client limit.',
      }),
    geoBlock: z
      .strictObject({
        countries: z.array(countryCode).min(1),
        action: enforcement.default('block'),
      })
      .optional()
      .meta({ description: 'Block (or count) requests from these countries.' }),
    customRules: z.array(CustomRule).max(10).default([]),
    logging: z
      .strictObject({
        retentionDays: z.literal(LOG_RETENTION_DAYS).default(365),
      })
      .prefault({})
      .meta({ description: 'WAF logs go to aws-waf-logs-<env>-<acl> log groups, KMS-encrypted, authorization and cookies redacted.' }),
  })
  .meta({ description: "The gateway's web ACLs: edge (CloudFront) baseline and rule settings." });

const e164Phone = z.string().regex(/^\+[1-9]\d{6,14}$/, {
  error: (issue) => `must be an E.164 phone number: +, country code and number without spaces, e.g. +12025550142, got "${String(issue.input)}"`,
});

const EmergencyContact = z
  .strictObject({
    email,
    phone: e164Phone,
    notes: z.string().max(1024).optional().meta({ description: 'When and how to reach this contact.' }),
  })
  .meta({ description: 'Someone the Shield Response Team calls during an event.' });

const s3BucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be an S3 bucket name' });

export const ShieldSchema = z
  .strictObject({
    enabled: z.boolean().default(false).meta({ description: 'Protections, protection group, health checks, SRT access, DDoS alarms.' }),
    subscription: z
      .strictObject({
        create: z
          .boolean()
          .default(false)
          .meta({ description: 'Subscribe the gateway account (a yearly commitment that cannot be cancelled through the API).' }),
        autoRenew: z.boolean().default(true),
      })
      .prefault({})
      .meta({ description: 'The Shield Advanced subscription; a separate switch because it is a yearly commitment.' }),
    applicationLayerResponse: enforcement
      .default('count')
      .meta({ description: 'Automatic application-layer DDoS mitigation on CloudFront: start in count, switch to block once baselined.' }),
    srtAccess: z
      .strictObject({
        enabled: z.boolean().default(true).meta({ description: 'Role for the Shield Response Team (AWSShieldDRTAccessPolicy).' }),
        logBuckets: z.array(s3BucketName).max(10).default([]).meta({ description: 'Log buckets the SRT may read during an event.' }),
      })
      .prefault({}),
    proactiveEngagement: z
      .strictObject({
        enabled: z.boolean().default(false),
        contacts: z.array(EmergencyContact).max(10).default([]),
      })
      .prefault({})
      .meta({ description: 'The SRT contacts you when a health check turns unhealthy during an event.' }),
    healthCheck: z
      .strictObject({
        errorRatePercent: z.number().min(0.1).max(100).default(5).meta({ description: 'CloudFront 5xx error rate that makes the distribution unhealthy.' }),
        evaluationMinutes: z.number().int().min(1).max(30).default(5),
      })
      .prefault({})
      .meta({ description: 'Health-based detection for the CloudFront distribution (Route 53 health check on a CloudWatch alarm).' }),
  })
  .prefault({})
  .meta({ description: 'Shield Advanced for the gateway account; off by default.' });

const ScopeMap = z
  .strictObject({
    organizationalUnits: z.array(slug).default([]).meta({ description: 'Aliases under organization.organizationalUnits.' }),
    accounts: z.array(slug).default([]).meta({ description: 'Aliases under accounts.' }),
  })
  .meta({ description: 'Organizational units and accounts.' });

const PolicyScope = z
  .strictObject({
    include: ScopeMap.optional().meta({ description: 'Only these; Firewall Manager then ignores exclude.' }),
    exclude: ScopeMap.optional().meta({ description: 'Every account of the organization except these.' }),
  })
  .meta({ description: 'Which accounts a policy applies to: include or exclude, not both.' });

export const FirewallManagerSchema = z
  .strictObject({
    remediation: z.boolean().default(false).meta({ description: 'Let Firewall Manager fix non-compliant resources (on in prod).' }),
    scope: PolicyScope.meta({ description: 'Default scope of every policy.' }),
    waf: z
      .strictObject({
        enabled: z.boolean().default(true),
        scope: PolicyScope.optional().meta({ description: 'Overrides the default scope.' }),
        defaultAction: z.enum(['allow', 'block']).default('allow'),
        overrideCustomerWebAclAssociation: z
          .boolean()
          .default(false)
          .meta({ description: 'Replace web ACLs that account owners associated themselves (false: report them as non-compliant).' }),
        preProcessRuleGroups: z
          .array(
            z.strictObject({
              name: z.string().meta({ description: 'AWS managed rule group name.' }),
              version: managedRuleGroupVersion.optional(),
              countRules: z.array(z.string().regex(/^[\w-]{1,128}$/)).default([]),
            }),
          )
          .min(1)
          .meta({ description: "The security team's baseline, evaluated before the account's own rules." }),
        rateLimit: z
          .strictObject({ limit: z.number().int(), evaluationWindowSeconds: z.number().int().default(300) })
          .meta({ description: 'Per-IP rate limit evaluated after the account rules (post-process rule group).' }),
        logging: z.boolean().default(true).meta({ description: 'Central logging to aws-waf-logs-* buckets in the administrator account.' }),
      })
      .meta({ description: 'WAFV2 policies: API Gateway stages and ALBs (regional), CloudFront distributions (global).' }),
    shieldAdvanced: z
      .strictObject({
        enabled: z.boolean().default(true),
        scope: PolicyScope.optional(),
        automaticResponse: z.enum(['ignored', 'disabled', 'count', 'block']).default('count').meta({
          description:
            'Automatic application-layer response on CloudFront: ignored leaves it to the account, disabled turns it off, count or block turn it on.',
        }),
      })
      .prefault({})
      .meta({ description: 'SHIELD_ADVANCED policy for CloudFront distributions (Firewall Manager subscribes accounts in scope).' }),
    securityGroupAudit: z
      .strictObject({
        enabled: z.boolean().default(true),
        scope: PolicyScope.optional(),
        referenceVpcId: z
          .string()
          .regex(/^vpc-[0-9a-f]{8,17}$/, { error: 'must be a VPC id such as vpc-0a1b2c3d4e5f67890' })
          .meta({ description: 'VPC in the administrator account that holds the reference (audit) security group.' }),
      })
      .meta({ description: 'SECURITY_GROUPS_CONTENT_AUDIT policy that flags ingress from 0.0.0.0/0 and ::/0.' }),
  })
  .meta({ description: 'Firewall Manager policies defined in the administrator (security) account for this environment.' });

export type Waf = z.output<typeof WafSchema>;
export type Shield = z.output<typeof ShieldSchema>;
export type FirewallManager = z.output<typeof FirewallManagerSchema>;
export type PolicyScopeSettings = z.output<typeof PolicyScope>;
export type CustomWafRule = Waf['customRules'][number];
export type PathRateLimitSettings = Waf['rateLimits']['paths'][number];
