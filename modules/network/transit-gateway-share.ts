import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { Construct } from 'constructs';
import { resourceName } from '../../lib/naming';

export interface TransitGatewayShareProps {
  readonly environment: string;
  /** ARN of the Transit Gateway to share. */
  readonly transitGatewayArn: string;
  /** Account ids that may attach VPCs: the gateway account and the backend spoke accounts, all in the organization. */
  readonly principalAccountIds: readonly string[];
}

/**
 * AWS RAM share of the Transit Gateway to exactly the declared accounts. External principals are never
 * allowed: every principal is an account of the organization, associated one by one so a new spoke is a
 * visible, reviewed change.
 */
export class TransitGatewayShare extends Construct {
  readonly share: RamResourceShare;

  constructor(scope: Construct, id: string, props: TransitGatewayShareProps) {
    super(scope, id);
    this.share = new RamResourceShare(this, 'Resource', {
      name: resourceName(props.environment, 'transit-gateway'),
      allowExternalPrincipals: false,
    });
    new RamResourceAssociation(this, 'TransitGateway', { resourceShareArn: this.share.arn, resourceArn: props.transitGatewayArn });
    for (const accountId of [...new Set(props.principalAccountIds)].sort()) {
      new RamPrincipalAssociation(this, `Principal-${accountId}`, { resourceShareArn: this.share.arn, principal: accountId });
    }
  }
}
