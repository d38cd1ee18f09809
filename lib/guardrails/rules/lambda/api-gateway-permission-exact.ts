import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';

/** `${…execution_arn}/<stage>/<METHOD>/<resource>` or the literal execute-api ARN with the same tail. */
const METHOD_SCOPED = /\/([^/]+)\/(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)(\/.*)?$/;

export const apiGatewayPermissionExact: ResourceRule = {
  id: 'UAG-LAMBDA-006',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lambda_permission'],
  what: 'A permission for apigateway.amazonaws.com names the exact stage and method (source_arn) and the calling account (source_account).',
  why:
    'A Lambda backend lives in the service account and is invoked by the gateway account across the account boundary. A source_arn ' +
    'ending in /*/* lets every stage and method of the API, including ones added later for other purposes, invoke the function; ' +
    'without source_account the grant does not pin the account that owns the API (aws:SourceAccount), the confused-deputy guard AWS ' +
    'recommends for service principals.',
  fix: 'Grant per method: source_arn = "${<api>.execution_arn}/${<stage>.stage_name}/<METHOD>/<resource>" and source_account = the gateway account (modules/gateway/lambda-backend-permissions.ts).',
  check: ({ values }) => {
    if (values.principal !== 'apigateway.amazonaws.com') return NOT_APPLICABLE;
    const sourceArn = typeof values.source_arn === 'string' ? values.source_arn : undefined;
    if (!sourceArn) return nonCompliant('source_arn is missing');
    const scoped = METHOD_SCOPED.exec(sourceArn);
    if (!scoped || scoped[1] === '*') return nonCompliant(`source_arn ${sourceArn} does not name one stage and one method`);
    if (typeof values.source_account !== 'string' || !/^(\d{12}|\$\{.+\})$/.test(values.source_account)) {
      return nonCompliant('source_account is missing: the grant does not pin the gateway account');
    }
    return COMPLIANT;
  },
};
