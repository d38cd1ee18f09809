import { RamSharingWithOrganization as RamSharingWithOrganizationResource } from '@cdktf/provider-aws/lib/ram-sharing-with-organization';
import { Construct } from 'constructs';

/**
 * Enables AWS RAM sharing with AWS Organizations (management account). Shares to accounts of the organization
 * (the Transit Gateway, the private domain) are then accepted automatically and need no accepter; shares stay
 * closed to external principals unless a share says otherwise.
 */
export class RamSharingWithOrganization extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new RamSharingWithOrganizationResource(this, 'Resource', {});
  }
}
