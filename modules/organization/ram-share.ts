import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { Token } from 'cdktf';
import { Construct } from 'constructs';

export interface RamShareProps {
  /** Share name, from lib/naming.ts (e.g. `prod-private-domain`, `prod-transit-gateway`). */
  readonly name: string;
  /** The one shared resource: its ARN and the construct id of its association (part of the Terraform address). */
  readonly resource: { readonly associationId: string; readonly arn: string };
  /** 12-digit ids of the accounts the resource is shared with; one principal association each. */
  readonly principalAccountIds: readonly string[];
  /**
   * Whether the principals are accounts outside the organization. Such a share must allow external principals and
   * each account must accept the invitation; only the private domain's consumers declared outside the organization
   * have one (docs/decisions/0006-private-domain.md).
   */
  readonly external: boolean;
}

/**
 * AWS RAM share of one resource to exactly the declared accounts, one principal association per account so a new
 * principal is a visible, reviewed change. The private custom domain and the Transit Gateway are shared this way.
 */
export class RamShare extends Construct {
  readonly resource: RamResourceShare;
  /** The share's name, e.g. `prod-private-domain`. */
  readonly name: string;
  /** Principal associations by account id. */
  readonly principals: ReadonlyMap<string, RamPrincipalAssociation>;

  constructor(scope: Construct, id: string, props: RamShareProps) {
    super(scope, id);
    const accounts = [...new Set(props.principalAccountIds)].sort();
    const malformed = accounts.filter((account) => !Token.isUnresolved(account) && !/^\d{12}$/.test(account));
    if (malformed.length > 0)
      throw new Error(`RamShare ${this.node.path}: principalAccountIds must be 12-digit account ids, got ${malformed.map((a) => `"${a}"`).join(', ')}`);
    if (accounts.length === 0) throw new Error(`RamShare ${this.node.path}: principalAccountIds is empty; create the share only when an account needs it`);

    this.name = props.name;
    this.resource = new RamResourceShare(this, 'Resource', { name: props.name, allowExternalPrincipals: props.external });
    new RamResourceAssociation(this, props.resource.associationId, { resourceShareArn: this.resource.arn, resourceArn: props.resource.arn });
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
