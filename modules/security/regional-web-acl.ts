import type { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Token, type TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { EDGE_BASELINE_RULE_GROUPS, type Waf } from '../../lib/config/schema/security';
import { loggedWebAcl } from './logged-web-acl';
import type { WafLogging } from './waf-logging';
import { managedGroupRule, originVerificationRule, rateLimitRule } from './web-acl-rules';

/** The header CloudFront adds to every origin request; the regional web ACL checks it. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

export interface OriginVerification {
  /** Header name, lowercase.
   * @default ORIGIN_VERIFY_HEADER */
  readonly headerName?: string;
  /** The secret CloudFront sends: a reference to the resource that generates it, never a literal. */
  readonly secretValue: string;
  /** The previous secret while a rotation is under way, so both values pass until CloudFront has switched.
   * @default - only secretValue is accepted */
  readonly previousSecretValue?: string;
}

export interface RegionalWebAclProps {
  /** Environment name; prefixes every resource name. */
  readonly environmentName: string;
  /** The environment's `waf` settings (baseline group pins and overrides, origin rate limit, log retention). */
  readonly waf: Waf;
  /** The header CloudFront adds and the secret it carries. */
  readonly originVerification: OriginVerification;
  /** Account of the gateway. */
  readonly accountId: string;
  /** Home region of the API stages. */
  readonly region: string;
  /** Provider of `region`.
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * The REGIONAL web ACL for the public API stages. It enforces the origin-verification header first, so
 * nothing reaches an API (or the authorizer) without passing through CloudFront, then repeats the managed
 * baseline and an origin rate limit for anyone who obtained the secret. Associate it with public stages
 * only: private APIs are reached without CloudFront. See docs/decisions (origin verification).
 */
export class RegionalWebAcl extends Construct {
  readonly webAcl: Wafv2WebAcl;
  /** ARN for `aws_wafv2_web_acl_association.web_acl_arn` of each public stage. */
  readonly arn: string;
  readonly logging: WafLogging;

  constructor(scope: Construct, id: string, props: RegionalWebAclProps) {
    super(scope, id);
    const { environmentName, waf, provider } = props;
    const headerName = props.originVerification.headerName ?? ORIGIN_VERIFY_HEADER;
    validateOriginVerification(headerName, props.originVerification);
    const accepted = [
      props.originVerification.secretValue,
      ...(props.originVerification.previousSecretValue ? [props.originVerification.previousSecretValue] : []),
    ];

    ({ webAcl: this.webAcl, logging: this.logging } = loggedWebAcl(this, {
      environmentName,
      placement: 'regional',
      description: `${environmentName} regional web ACL of the public API stages: CloudFront origin verification and baseline`,
      rules: [
        originVerificationRule('OriginVerification', 0, headerName, accepted),
        // Cheapest first (decision 0016-edge-protection): the rate limit before the managed groups.
        rateLimitRule('OriginRateLimit', 5, { ...waf.originRateLimit, action: 'block' }),
        ...EDGE_BASELINE_RULE_GROUPS.map((group, index) => managedGroupRule(10 * (index + 1), group, waf.managedRuleGroups[group], waf)),
      ],
      logRetentionDays: waf.logging.retentionDays,
      accountId: props.accountId,
      region: props.region,
      // The secret is as sensitive as a credential: it must not be readable from the logs.
      extraRedactedHeaders: [headerName],
      provider,
    }));
    this.arn = this.webAcl.arn;
  }
}

function validateOriginVerification(headerName: string, verification: OriginVerification): void {
  if (!Token.isUnresolved(headerName) && !/^[a-z0-9-]{1,64}$/.test(headerName)) {
    throw new Error(`originVerification.headerName must be a lowercase HTTP header name matching ^[a-z0-9-]{1,64}$, got "${headerName}"`);
  }
  for (const [field, value] of [
    ['secretValue', verification.secretValue],
    ['previousSecretValue', verification.previousSecretValue],
  ] as const) {
    if (value !== undefined && !Token.isUnresolved(value)) {
      throw new Error(
        `originVerification.${field} must be a reference to the resource that generates the secret, got a literal: a value in source control lets anyone bypass CloudFront, WAF and Shield`,
      );
    }
  }
}
