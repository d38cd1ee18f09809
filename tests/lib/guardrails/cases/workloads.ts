import { noAdminManagedPolicies } from '../../../../lib/guardrails/rules/iam/no-admin-managed-policies';
import { noAnonymousPrincipal } from '../../../../lib/guardrails/rules/iam/no-anonymous-principal';
import { noWildcardActions } from '../../../../lib/guardrails/rules/iam/no-wildcard-actions';
import { authorizerConcurrency } from '../../../../lib/guardrails/rules/lambda/authorizer-concurrency';
import { functionLogRetention } from '../../../../lib/guardrails/rules/lambda/log-retention';
import { permissionScoped } from '../../../../lib/guardrails/rules/lambda/permission-scoped';
import { supportedRuntime } from '../../../../lib/guardrails/rules/lambda/supported-runtime';
import { functionTracing } from '../../../../lib/guardrails/rules/lambda/tracing';
import { logGroupRetention } from '../../../../lib/guardrails/rules/logs/log-group-retention';
import type { RuleCases } from '../support';

const fn = {
  function_name: 'dev-authorizer',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  architectures: ['arm64'],
  reserved_concurrent_executions: 50,
  tracing_config: { mode: 'Active' },
  role: '${aws_iam_role.authorizer.arn}',
};
const other = { ...fn, function_name: 'dev-ram-share-auditor', reserved_concurrent_executions: undefined };
const logGroup = { name: '/aws/lambda/${aws_lambda_function.authorizer.function_name}', retention_in_days: 90 };

const document = (statement: Record<string, unknown>) => ({ statement: [{ effect: 'Allow', resources: ['*'], ...statement }] });
const jsonPolicy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*', ...statement }] });

export const WORKLOAD_CASES: RuleCases[] = [
  {
    rule: functionTracing,
    cases: [
      { name: 'Active tracing', resources: { 'aws_lambda_function.authorizer': fn }, expect: 'compliant' },
      {
        name: 'PassThrough',
        resources: { 'aws_lambda_function.authorizer': { ...fn, tracing_config: { mode: 'PassThrough' } } },
        expect: { nonCompliant: 'tracing_config.mode is "PassThrough"' },
      },
      {
        name: 'no tracing_config',
        resources: { 'aws_lambda_function.authorizer': { ...fn, tracing_config: undefined } },
        expect: { nonCompliant: 'tracing_config.mode is unset' },
      },
    ],
  },
  {
    rule: functionLogRetention,
    cases: [
      {
        name: 'log group named after the function by reference',
        resources: { 'aws_lambda_function.authorizer': fn, 'aws_cloudwatch_log_group.authorizer': logGroup },
        expect: 'compliant',
      },
      {
        name: 'log group named literally',
        resources: {
          'aws_lambda_function.authorizer': fn,
          'aws_cloudwatch_log_group.authorizer': { name: '/aws/lambda/dev-authorizer', retention_in_days: 30 },
        },
        expect: 'compliant',
      },
      {
        name: 'custom log group through logging_config',
        resources: {
          'aws_lambda_function.authorizer': { ...fn, logging_config: { log_format: 'JSON', log_group: '${aws_cloudwatch_log_group.shared.name}' } },
          'aws_cloudwatch_log_group.shared': { name: '/uag/dev/lambda', retention_in_days: 400 },
        },
        expect: 'compliant',
      },
      {
        name: 'no log group in the stack',
        resources: { 'aws_lambda_function.authorizer': fn },
        expect: { nonCompliant: "no aws_cloudwatch_log_group in the stack is this function's log group" },
      },
      {
        name: 'log group without retention',
        resources: { 'aws_lambda_function.authorizer': fn, 'aws_cloudwatch_log_group.authorizer': { ...logGroup, retention_in_days: undefined } },
        expect: { nonCompliant: 'aws_cloudwatch_log_group.authorizer has no retention_in_days' },
      },
    ],
  },
  {
    rule: supportedRuntime,
    cases: [
      { name: 'nodejs22.x', resources: { 'aws_lambda_function.authorizer': fn }, expect: 'compliant' },
      {
        name: 'container image',
        resources: { 'aws_lambda_function.authorizer': { ...fn, runtime: undefined, package_type: 'Image' } },
        expect: 'not-applicable',
      },
      {
        name: 'nodejs18.x (deprecated)',
        resources: { 'aws_lambda_function.authorizer': { ...fn, runtime: 'nodejs18.x' } },
        expect: { nonCompliant: 'runtime is "nodejs18.x"' },
      },
      {
        name: 'python3.9 (deprecated)',
        resources: { 'aws_lambda_function.authorizer': { ...fn, runtime: 'python3.9' } },
        expect: { nonCompliant: 'python3.9' },
      },
    ],
  },
  {
    rule: authorizerConcurrency,
    cases: [
      { name: 'authorizer with reserved concurrency', resources: { 'aws_lambda_function.authorizer': fn }, expect: 'compliant' },
      { name: 'a function that is not an authorizer', resources: { 'aws_lambda_function.auditor': other }, expect: 'not-applicable' },
      {
        name: 'authorizer (by name) without reserved concurrency',
        resources: { 'aws_lambda_function.authorizer': { ...fn, reserved_concurrent_executions: undefined } },
        expect: { nonCompliant: 'reserved_concurrent_executions is unset' },
      },
      {
        name: 'authorizer (by aws_api_gateway_authorizer) with -1 (unreserved)',
        resources: {
          'aws_lambda_function.jwt': { ...fn, function_name: 'dev-jwt', reserved_concurrent_executions: -1 },
          'aws_api_gateway_authorizer.jwt': { type: 'REQUEST', authorizer_uri: '${aws_lambda_function.jwt.invoke_arn}' },
        },
        expect: { nonCompliant: 'reserved_concurrent_executions is -1' },
      },
    ],
  },
  {
    rule: permissionScoped,
    cases: [
      {
        name: 'API Gateway with source_arn',
        resources: {
          'aws_lambda_permission.api': {
            action: 'lambda:InvokeFunction',
            function_name: '${aws_lambda_function.authorizer.function_name}',
            principal: 'apigateway.amazonaws.com',
            source_arn: '${aws_api_gateway_rest_api.api.execution_arn}/*',
          },
        },
        expect: 'compliant',
      },
      {
        name: 'an account principal',
        resources: { 'aws_lambda_permission.x': { action: 'lambda:InvokeFunction', principal: '444455556666' } },
        expect: 'compliant',
      },
      {
        name: 'API Gateway without source_arn',
        resources: { 'aws_lambda_permission.api': { action: 'lambda:InvokeFunction', principal: 'apigateway.amazonaws.com' } },
        expect: { nonCompliant: 'service principal apigateway.amazonaws.com without source_arn' },
      },
      {
        name: 'principal "*"',
        resources: { 'aws_lambda_permission.any': { action: 'lambda:InvokeFunction', principal: '*' } },
        expect: { nonCompliant: 'principal is "*"' },
      },
    ],
  },
  {
    rule: noWildcardActions,
    cases: [
      {
        name: 'policy document with explicit actions',
        resources: { 'data.aws_iam_policy_document.logs': document({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'] }) },
        expect: 'compliant',
      },
      { name: 'Deny with a wildcard', resources: { 'data.aws_iam_policy_document.guard': document({ effect: 'Deny', actions: ['*'] }) }, expect: 'compliant' },
      {
        name: 'role policy referring to a document (checked at the document)',
        resources: { 'aws_iam_role_policy.x': { policy: '${data.aws_iam_policy_document.logs.json}' } },
        expect: 'not-applicable',
      },
      {
        name: 'policy document with "*"',
        resources: { 'data.aws_iam_policy_document.admin': document({ actions: ['*'] }) },
        expect: { nonCompliant: 'statement[0] allows "*"' },
      },
      {
        name: 'policy document with a service wildcard',
        resources: { 'data.aws_iam_policy_document.s3': document({ actions: ['s3:Get*'] }) },
        expect: { nonCompliant: 'allows "s3:Get*"' },
      },
      {
        name: 'inline JSON policy with "ec2:*"',
        resources: { 'aws_iam_policy.ec2': { policy: jsonPolicy({ Action: 'ec2:*' }) } },
        expect: { nonCompliant: 'policy Statement[0] allows "ec2:*"' },
      },
      {
        name: 'NotAction in an Allow',
        resources: { 'data.aws_iam_policy_document.not': document({ not_actions: ['iam:*'] }) },
        expect: { nonCompliant: 'uses NotAction' },
      },
      {
        name: 'jsonencode inline policy on a role',
        resources: {
          'aws_iam_role.x': {
            assume_role_policy:
              '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Action" = "sts:*", "Principal" = {"Service" = "lambda.amazonaws.com"}}]})}',
          },
        },
        expect: { nonCompliant: 'assume_role_policy Statement[0] allows "sts:*"' },
      },
    ],
  },
  {
    rule: noAnonymousPrincipal,
    cases: [
      {
        name: 'principal "*" conditioned on aws:SourceVpce',
        resources: {
          'data.aws_iam_policy_document.invoke': document({
            actions: ['execute-api:Invoke'],
            principals: [{ type: 'AWS', identifiers: ['*'] }],
            condition: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: ['vpce-1'] }],
          }),
        },
        expect: 'compliant',
      },
      {
        name: 'a service principal',
        resources: {
          'data.aws_iam_policy_document.trust': document({
            actions: ['sts:AssumeRole'],
            principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
          }),
        },
        expect: 'compliant',
      },
      {
        name: 'principal "*" without a condition',
        resources: { 'data.aws_iam_policy_document.open': document({ actions: ['execute-api:Invoke'], principals: [{ type: '*', identifiers: ['*'] }] }) },
        expect: { nonCompliant: 'allows principal "*" without a condition' },
      },
      {
        name: 'JSON "Principal": "*" without a condition',
        resources: { 'aws_sns_topic_policy.alarms': { policy: jsonPolicy({ Action: 'sns:Publish', Principal: '*' }) } },
        expect: { nonCompliant: 'without a condition' },
      },
      {
        name: 'Allow with NotPrincipal',
        resources: { 'aws_s3_bucket_policy.logs': { policy: jsonPolicy({ Action: 's3:GetObject', NotPrincipal: { AWS: 'arn:aws:iam::444455556666:root' } }) } },
        expect: { nonCompliant: 'NotPrincipal' },
      },
    ],
  },
  {
    rule: noAdminManagedPolicies,
    cases: [
      {
        name: 'AWS-managed SRT policy',
        resources: {
          'aws_iam_role_policy_attachment.srt': {
            role: '${aws_iam_role.srt.name}',
            policy_arn: 'arn:aws:iam::aws:policy/service-role/AWSShieldDRTAccessPolicy',
          },
        },
        expect: 'compliant',
      },
      {
        name: 'AdministratorAccess attached',
        resources: { 'aws_iam_role_policy_attachment.admin': { policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } },
        expect: { nonCompliant: 'attaches arn:aws:iam::aws:policy/AdministratorAccess' },
      },
      {
        name: 'PowerUserAccess in managed_policy_arns',
        resources: { 'aws_iam_role.x': { managed_policy_arns: ['arn:aws:iam::aws:policy/PowerUserAccess'] } },
        expect: { nonCompliant: 'PowerUserAccess' },
      },
    ],
  },
  {
    rule: logGroupRetention,
    cases: [
      { name: 'retention 90 days', resources: { 'aws_cloudwatch_log_group.access': { name: '/uag/dev/access', retention_in_days: 90 } }, expect: 'compliant' },
      {
        name: 'no retention',
        resources: { 'aws_cloudwatch_log_group.access': { name: '/uag/dev/access' } },
        expect: { nonCompliant: 'retention_in_days is unset (never expire)' },
      },
      {
        name: 'retention 0 (never expire)',
        resources: { 'aws_cloudwatch_log_group.access': { name: '/uag/dev/access', retention_in_days: 0 } },
        expect: { nonCompliant: 'retention_in_days is 0' },
      },
    ],
  },
];
