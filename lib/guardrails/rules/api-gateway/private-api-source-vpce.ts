import { readPolicy } from '../../policy-document';
import { NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { refersTo } from '../../values';
import { isPrivateEndpoint } from './endpoint-types';
import { restrictsSourceVpce } from './source-vpce-policy';

export const privateApiSourceVpce: ResourceRule = {
  id: 'UAG-APIGW-009',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_rest_api'],
  what: 'Private REST APIs have a resource policy that admits only the declared VPC endpoints (aws:SourceVpce).',
  why:
    'A PRIVATE API is reachable from any execute-api VPC endpoint in any AWS account unless its resource policy says otherwise. ' +
    'Restricting aws:SourceVpce to the consumers of the access matrix is what makes "private" mean "our consumers".',
  fix: 'Give the API a policy (policy attribute or aws_api_gateway_rest_api_policy) whose Allow is conditioned on StringEquals aws:SourceVpce = [declared endpoints], or add a Deny with StringNotEquals aws:SourceVpce.',
  check: (api, stack) => {
    if (!isPrivateEndpoint(api.values)) return NOT_APPLICABLE;
    const attached = stack.ofType('aws_api_gateway_rest_api_policy').find(({ values }) => refersTo(values.rest_api_id, api.address));
    return restrictsSourceVpce(readPolicy(attached?.values.policy ?? api.values.policy, stack));
  },
};
