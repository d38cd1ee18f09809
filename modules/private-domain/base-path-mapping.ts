import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { PRIVATE_BASE_PATH } from '../../lib/config/schema/private-domain';

/** The private custom domain as a mapping needs it: its name and the id that tells it apart from same-named domains. */
export interface PrivateDomainTarget {
  readonly domainName: string;
  readonly domainNameId: string;
}

export interface PrivateBasePathMappingProps {
  readonly domain: PrivateDomainTarget;
  /** Id of the PRIVATE REST API. */
  readonly restApiId: string;
  /** Stage the mapping serves. */
  readonly stageName: string;
  /** One path segment, e.g. `ledger` (private custom domains take no multi-level mappings). */
  readonly basePath: string;
}

/**
 * Maps a stage of a private REST API on the private custom domain under one base path. The mapping names the domain
 * by `domain_name_id` as well as by name: private domain names are not unique across accounts, the id is.
 */
export class PrivateBasePathMapping extends Construct {
  readonly resource: ApiGatewayBasePathMapping;

  constructor(scope: Construct, id: string, props: PrivateBasePathMappingProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.basePath) && !PRIVATE_BASE_PATH.test(props.basePath)) {
      throw new Error(
        `PrivateBasePathMapping ${this.node.path}: basePath must match ${PRIVATE_BASE_PATH.source} (one segment: private custom domains take no multi-level mappings), got "${props.basePath}"`,
      );
    }
    this.resource = new ApiGatewayBasePathMapping(this, 'Resource', {
      domainName: props.domain.domainName,
      domainNameId: props.domain.domainNameId,
      apiId: props.restApiId,
      stageName: props.stageName,
      basePath: props.basePath,
    });
  }
}
