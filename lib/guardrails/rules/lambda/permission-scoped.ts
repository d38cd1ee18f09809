import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { isSet } from '../../values';

export const permissionScoped: ResourceRule = {
  id: 'UAG-LAMBDA-005',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lambda_permission'],
  what: 'Lambda permissions never grant "*" and scope service principals with source_arn or source_account.',
  why:
    'A permission for apigateway.amazonaws.com without source_arn lets any API Gateway API in any AWS account invoke the ' +
    'function (the confused-deputy problem); principal "*" makes it invocable by anyone who can sign a request.',
  fix: 'Set source_arn to the calling API\'s execution ARN (e.g. "${aws_api_gateway_rest_api.x.execution_arn}/*") or source_account.',
  check: ({ values }) => {
    const principal = values.principal;
    if (principal === '*') return nonCompliant('principal is "*"');
    if (typeof principal === 'string' && principal.endsWith('.amazonaws.com') && !isSet(values.source_arn) && !isSet(values.source_account)) {
      return nonCompliant(`service principal ${principal} without source_arn or source_account`);
    }
    return COMPLIANT;
  },
};
