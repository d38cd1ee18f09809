import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { isTrueOrReference, show } from '../../values';
import { isPrivateEndpoint } from './endpoint-types';

export const executeApiEndpointDisabled: ResourceRule = {
  id: 'UAG-APIGW-008',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_rest_api'],
  what: 'Public (REGIONAL or EDGE) REST APIs have the default execute-api endpoint disabled.',
  why:
    'The public path is CloudFront → custom domain → API, with WAF and Shield at the edge. The default ' +
    'https://<id>.execute-api.<region>.amazonaws.com endpoint stays reachable from the internet unless it is disabled, ' +
    'and it bypasses CloudFront, the web ACL, Shield and the origin-verification header.',
  fix: 'Set disable_execute_api_endpoint = true on the REST API; clients use the custom domain.',
  check: ({ values }) => {
    if (isPrivateEndpoint(values)) return NOT_APPLICABLE;
    return compliantIf(isTrueOrReference(values.disable_execute_api_endpoint), `disable_execute_api_endpoint is ${show(values.disable_execute_api_endpoint)}`);
  },
};
