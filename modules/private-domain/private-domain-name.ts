import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { PrivateDomainPolicy } from './domain-policy';

/** The security policy of every private custom domain: TLS 1.2 minimum, stated rather than left to the default. */
export const PRIVATE_DOMAIN_SECURITY_POLICY = 'TLS_1_2';

export interface PrivateDomainNameProps {
  /** The hostname consumers call, e.g. `api.internal.example.com` (`domains.private`). */
  readonly domainName: string;
  /** ACM certificate covering `domainName`, in the domain's region. */
  readonly certificateArn: string;
  /** execute-api VPC endpoints of the declared consumers: the only sources the domain policy admits. */
  readonly allowedVpcEndpointIds: readonly string[];
}

/**
 * A private custom domain name (endpoint type PRIVATE, TLS_1_2, ACM certificate) whose execute-api policy admits the
 * declared consumer endpoints only. Other accounts reach it through a RAM share and a domain-name access association;
 * APIs are mapped on it with `PrivateBasePathMapping` (domain_name_id).
 */
export class PrivateDomainName extends Construct {
  readonly resource: ApiGatewayDomainName;
  readonly policy: PrivateDomainPolicy;

  constructor(scope: Construct, id: string, props: PrivateDomainNameProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.domainName) && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(props.domainName)) {
      throw new Error(
        `PrivateDomainName ${this.node.path}: domainName must be a lowercase DNS name such as api.internal.example.com, got "${props.domainName}"`,
      );
    }
    this.policy = new PrivateDomainPolicy(this, 'Policy', { allowedVpcEndpointIds: props.allowedVpcEndpointIds });
    this.resource = new ApiGatewayDomainName(this, 'Resource', {
      domainName: props.domainName,
      certificateArn: props.certificateArn,
      securityPolicy: PRIVATE_DOMAIN_SECURITY_POLICY,
      endpointConfiguration: { types: ['PRIVATE'] },
      policy: this.policy.json,
    });
  }

  /** `arn:…:apigateway:<region>:<account>:/domainnames/<name>+<id>`: what RAM shares and access associations name. */
  get arn(): string {
    return this.resource.arn;
  }

  /** The identifier that tells this private domain apart from same-named ones in other accounts (base path mappings). */
  get domainNameId(): string {
    return this.resource.domainNameId;
  }

  get domainName(): string {
    return this.resource.domainName;
  }
}
