import { Wafv2WebAcl, type Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import type { TerraformProvider } from 'cdktf';
import type { Construct } from 'constructs';
import { resourceName, wafLogDestinationName } from '../../lib/naming';
import { WafLogging } from './waf-logging';
import { visibility } from './web-acl-rules';

/** Where a web ACL of the gateway sits: in front of CloudFront (us-east-1) or in front of the API stages. */
const PLACEMENT = { edge: 'CLOUDFRONT', regional: 'REGIONAL' } as const;

export interface LoggedWebAclProps {
  /** Environment name; prefixes the web ACL and log group names. */
  readonly environmentName: string;
  readonly placement: keyof typeof PLACEMENT;
  readonly description: string;
  /** The rules, in evaluation order (their priorities). */
  readonly rules: Wafv2WebAclRule[];
  /** How long the request logs are kept. */
  readonly logRetentionDays: number;
  /** Account of the web ACL and its log group. */
  readonly accountId: string;
  /** Region of the web ACL; a CLOUDFRONT web ACL and its logs live in us-east-1. */
  readonly region: string;
  /** Headers redacted in the logs besides authorization and cookie.
   * @default - none */
  readonly extraRedactedHeaders?: readonly string[];
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * The skeleton both web ACLs of the gateway share: default allow (the rules block), CloudWatch metrics and sampled
 * requests under the ACL's name, and full request logs with credentials redacted. Creates `Resource` and `Logging`
 * under `owner`, so the owner's construct path stays the Terraform address.
 */
export function loggedWebAcl(owner: Construct, props: LoggedWebAclProps): { readonly webAcl: Wafv2WebAcl; readonly logging: WafLogging } {
  const { environmentName, placement, provider } = props;
  const name = resourceName(environmentName, placement);
  const webAcl = new Wafv2WebAcl(owner, 'Resource', {
    provider,
    name,
    description: props.description,
    scope: PLACEMENT[placement],
    defaultAction: { allow: {} },
    rule: props.rules,
    visibilityConfig: visibility(name),
  });
  const logging = new WafLogging(owner, 'Logging', {
    webAcl,
    logGroupName: wafLogDestinationName(environmentName, placement),
    retentionDays: props.logRetentionDays,
    accountId: props.accountId,
    region: props.region,
    extraRedactedHeaders: props.extraRedactedHeaders,
    provider,
  });
  return { webAcl, logging };
}
