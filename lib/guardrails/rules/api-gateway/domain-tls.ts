import { compliantIf, type ResourceRule } from '../../rule';
import { block, isReference, show } from '../../values';

/** TLS_1_2 and the enhanced policies (SecurityPolicy_TLS13_..., SecurityPolicy_TLS12_...), never TLS_1_0. */
function isTls12OrNewer(policy: unknown): boolean {
  return isReference(policy) || policy === 'TLS_1_2' || (typeof policy === 'string' && /^SecurityPolicy_TLS1[23]_/.test(policy));
}

export const domainTls: ResourceRule = {
  id: 'UAG-APIGW-011',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_domain_name', 'aws_apigatewayv2_domain_name'],
  what: 'Custom domain names use security policy TLS_1_2 (or a newer enhanced policy), set explicitly.',
  why:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and fail PCI DSS. An unset security policy leaves the choice to the API ' +
    'Gateway default, which has been TLS_1_0 for some endpoint types; stating it keeps a reviewer from having to know.',
  fix: 'Set security_policy = "TLS_1_2" (aws_api_gateway_domain_name) or domain_name_configuration { security_policy = "TLS_1_2" } (aws_apigatewayv2_domain_name).',
  check: ({ type, values }) => {
    const policy = type === 'aws_apigatewayv2_domain_name' ? block(values.domain_name_configuration)?.security_policy : values.security_policy;
    return compliantIf(isTls12OrNewer(policy), `security_policy is ${show(policy)}`);
  },
};
