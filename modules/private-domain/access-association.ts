import { ApiGatewayDomainNameAccessAssociation } from '@cdktf/provider-aws/lib/api-gateway-domain-name-access-association';
import type { RamResourceShareAccepter } from '@cdktf/provider-aws/lib/ram-resource-share-accepter';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export interface DomainAccessAssociationProps {
  /** ARN of the shared private custom domain name (gateway account). */
  readonly domainArn: string;
  /** The consumer's execute-api VPC endpoint id. */
  readonly vpcEndpointId: string;
  /** The acceptance of the RAM invitation, for an account outside the organization: the association waits for it.
   * @default - none (inside the organization RAM accepts by itself) */
  readonly acceptedShare?: RamResourceShareAccepter;
  /** Provider acting in the consumer's account.
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * The domain-name access association between a consumer's execute-api endpoint and the shared private domain: without
 * it the endpoint cannot reach the domain even when the policies admit it. Created by the consumer (it cannot be
 * created for them), after the share; removed before the share (docs/decisions/0006-private-domain.md).
 */
export class DomainAccessAssociation extends Construct {
  readonly resource: ApiGatewayDomainNameAccessAssociation;

  constructor(scope: Construct, id: string, props: DomainAccessAssociationProps) {
    super(scope, id);
    this.resource = new ApiGatewayDomainNameAccessAssociation(this, 'Resource', {
      provider: props.provider,
      accessAssociationSource: props.vpcEndpointId,
      accessAssociationSourceType: 'VPCE',
      domainNameArn: props.domainArn,
      dependsOn: props.acceptedShare ? [props.acceptedShare] : undefined,
    });
  }

  get arn(): string {
    return this.resource.arn;
  }
}
