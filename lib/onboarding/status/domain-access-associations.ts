import { APIGatewayClient, GetDomainNameAccessAssociationsCommand } from '@aws-sdk/client-api-gateway';

/** A consumer endpoint associated with the private custom domain. */
export interface DomainAccessAssociation {
  readonly arn: string;
  /** The consumer account that created it (it owns the association). */
  readonly accountId: string;
  /** The execute-api VPC endpoint, e.g. `vpce-0123456789abcdef0`. */
  readonly endpoint: string;
}

/** Guards against a paging loop; 500 per page makes this 500,000 associations. */
const MAX_PAGES = 1000;

/**
 * Associations other accounts made with the domain owner's private custom domain `domainName`
 * (GetDomainNameAccessAssociations, resourceOwner OTHER_ACCOUNTS, every page).
 */
export async function listDomainAccessAssociations(client: APIGatewayClient, domainName: string): Promise<DomainAccessAssociation[]> {
  const found: DomainAccessAssociation[] = [];
  let position: string | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const response = await client.send(new GetDomainNameAccessAssociationsCommand({ resourceOwner: 'OTHER_ACCOUNTS', limit: 500, position }));
    for (const item of response.items ?? []) {
      if (!item.domainNameAccessAssociationArn || !item.domainNameArn?.includes(`/domainnames/${domainName}+`)) continue;
      found.push({
        arn: item.domainNameAccessAssociationArn,
        accountId: item.domainNameAccessAssociationArn.split(':')[4] ?? '',
        endpoint: item.accessAssociationSource ?? '',
      });
    }
    position = response.position || undefined;
    if (!position) return found;
  }
  throw new Error(`GetDomainNameAccessAssociations: pagination did not end after ${MAX_PAGES} pages`);
}
