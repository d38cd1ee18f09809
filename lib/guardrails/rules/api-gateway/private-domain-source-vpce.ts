import { readPolicy } from '../../policy-document';
import { NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { isPrivateEndpoint } from './endpoint-types';
import { restrictsSourceVpce } from './source-vpce-policy';

export const privateDomainSourceVpce: ResourceRule = {
  id: 'UAG-APIGW-010',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_domain_name'],
  what: 'Private custom domain names have a policy that admits only the declared VPC endpoints (aws:SourceVpce).',
  why:
    'The private domain is shared with AWS RAM; its own policy is the second gate after the share. Without an aws:SourceVpce ' +
    'restriction any endpoint that gets associated with the domain can invoke every private API mapped on it.',
  fix: 'Set policy on the aws_api_gateway_domain_name to allow execute-api:Invoke only with StringEquals aws:SourceVpce = [declared consumer endpoints] (or deny StringNotEquals).',
  check: (domain, stack) => (isPrivateEndpoint(domain.values) ? restrictsSourceVpce(readPolicy(domain.values.policy, stack)) : NOT_APPLICABLE),
};
