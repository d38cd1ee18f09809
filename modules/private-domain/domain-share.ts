import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { Token } from 'cdktf';
import { Construct } from 'constructs';

export interface PrivateDomainShareProps {
  /** Share name, from lib/naming.ts (e.g. `prod-private-domain`). */
  readonly name: string;
  /** ARN of the private custom domain name to share. */
  readonly domainArn: string;
  /** 12-digit ids of the consumer accounts; one principal association each. */
  readonly principalAccountIds: readonly string[];
  /**
   * Whether the principals are accounts outside the organization. Such a share must allow external principals and
   * each account must accept the invitation (`DomainAccessAssociation` does it in the consumer's stack).
   * @default false - every principal is in the organization and RAM accepts for it
   */
  readonly external?: boolean;
}

/**
 * AWS RAM share of the private custom domain to exactly the declared consumer accounts, one principal association per
 * account so a new consumer is a visible, reviewed change. External principals are refused unless the share is
 * declared external, which exists only for consumers declared outside the organization (docs/decisions/0006-private-domain.md).
 */
export class PrivateDomainShare extends Construct {
  readonly resource: RamResourceShare;
  /** The share's name, e.g. `prod-private-domain`. */
  readonly name: string;
  readonly domainAssociation: RamResourceAssociation;
  /** Principal associations by account id. */
  readonly principals: ReadonlyMap<string, RamPrincipalAssociation>;

  constructor(scope: Construct, id: string, props: PrivateDomainShareProps) {
    super(scope, id);
    const accounts = [...new Set(props.principalAccountIds)].sort();
    const malformed = accounts.filter((account) => !Token.isUnresolved(account) && !/^\d{12}$/.test(account));
    if (malformed.length > 0)
      throw new Error(
        `PrivateDomainShare ${this.node.path}: principalAccountIds must be 12-digit account ids, got ${malformed.map((a) => `"${a}"`).join(', ')}`,
      );
    if (accounts.length === 0)
      throw new Error(`PrivateDomainShare ${this.node.path}: principalAccountIds is empty; create the share only when a consumer account needs it`);

    this.name = props.name;
    this.resource = new RamResourceShare(this, 'Resource', { name: props.name, allowExternalPrincipals: props.external === true });
    this.domainAssociation = new RamResourceAssociation(this, 'Domain', { resourceShareArn: this.resource.arn, resourceArn: props.domainArn });
    this.principals = new Map(
      accounts.map((account) => [
        account,
        new RamPrincipalAssociation(this, `Principal-${account}`, { resourceShareArn: this.resource.arn, principal: account }),
      ]),
    );
  }

  get arn(): string {
    return this.resource.arn;
  }
}
