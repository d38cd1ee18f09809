import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BundledFunction, type BundledFunctionProps } from '../../../modules/lambda/bundled-function';
import { readZip } from './support/read-zip';
import { onlyResource, policyStatements, synthesizeStack, testStack, type TerraformJson } from './support/synth';

const ENTRY = 'tests/modules/lambda/fixtures/greeter/index.ts';
const QUEUE_ARN = 'arn:aws:sqs:ap-southeast-1:444455556666:dev-greeter-failures';
const LOG_KEY_ARN = 'arn:aws:kms:ap-southeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function synth(props: Partial<BundledFunctionProps> = {}) {
  const { app, stack } = testStack();
  const fn = new BundledFunction(stack, 'Greeter', {
    entry: ENTRY,
    functionName: 'dev-greeter',
    accountId: '444455556666',
    logKmsKeyArn: LOG_KEY_ARN,
    files: { 'greeting.txt': 'Hello\n' },
    ...props,
  });
  return { fn, ...synthesizeStack(app, stack) };
}

const lambda = (json: TerraformJson) => onlyResource(json, 'aws_lambda_function');

describe('code archive', () => {
  it('ships the bundle, its source map and the data files in a zip whose SHA-256 is the source_code_hash', () => {
    const { json, readFile, fn } = synth();
    const zip = readFile(lambda(json).filename as string);

    expect(createHash('sha256').update(zip).digest('base64')).toBe(lambda(json).source_code_hash);
    expect(fn.sourceCodeHash).toBe(lambda(json).source_code_hash);
    const entries = readZip(zip);
    expect(entries.map((entry) => entry.name)).toEqual(['greeting.txt', 'index.js', 'index.js.map']);
    expect(entries.find((entry) => entry.name === 'index.js')?.data.toString()).toMatch(/\/\/# sourceMappingURL=index\.js\.map\s*$/);
  });

  it('runs: the bundled handler loads its data file and answers', async () => {
    const { json, readFile } = synth();
    const dir = mkdtempSync(path.join(tmpdir(), 'uag-greeter-'));
    for (const entry of readZip(readFile(lambda(json).filename as string))) writeFileSync(path.join(dir, entry.name), entry.data);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require(path.join(dir, 'index.js')) as { handler: (event: { name?: string }) => Promise<string> };
    await expect(handler({ name: 'gateway' })).resolves.toBe('Hello, gateway');
  });

  it('gives a different hash when a data file changes, so the function is redeployed', () => {
    expect(synth({ files: { 'greeting.txt': 'Hello\n' } }).fn.sourceCodeHash).not.toBe(synth({ files: { 'greeting.txt': 'Hi\n' } }).fn.sourceCodeHash);
  });
});

describe('function settings', () => {
  it('runs on Node.js 22 on arm64 with tracing, source maps, its own log group and the sizes given', () => {
    const { json } = synth({ memorySizeMb: 512, timeoutSeconds: 5, reservedConcurrency: 20, logRetentionDays: 90 });
    expect(lambda(json)).toMatchObject({
      function_name: 'dev-greeter',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      memory_size: 512,
      timeout: 5,
      reserved_concurrent_executions: 20,
      tracing_config: { mode: 'Active' },
      environment: { variables: { NODE_OPTIONS: '--enable-source-maps' } },
      logging_config: { log_format: 'Text', log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Greeter_LogGroup_[0-9A-F]{8}\.name\}$/) },
    });
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toMatchObject({ name: '/aws/lambda/dev-greeter', retention_in_days: 90, kms_key_id: LOG_KEY_ARN });
    expect(lambda(json).depends_on).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^aws_cloudwatch_log_group\.Greeter_LogGroup_/),
        expect.stringMatching(/^aws_iam_role_policy\.Greeter_RolePolicy_/),
      ]),
    );
  });

  it('uses the secure defaults when nothing is given: 365 days of logs, 3 s, no reserved concurrency', () => {
    const { json } = synth();
    expect(lambda(json).timeout).toBe(3);
    expect(lambda(json).reserved_concurrent_executions).toBeUndefined();
    expect(onlyResource(json, 'aws_cloudwatch_log_group').retention_in_days).toBe(365);
  });

  it.each([
    ['timeoutSeconds', { timeoutSeconds: 901 }, 'timeoutSeconds must be an integer from 1 to 900, got 901'],
    ['memorySizeMb', { memorySizeMb: 64 }, 'memorySizeMb must be an integer from 128 to 10240, got 64'],
    ['logRetentionDays', { logRetentionDays: 42 }, 'logRetentionDays must be one of 1, 3, 5'],
    ['functionName', { functionName: 'dev greeter' }, 'functionName must be 1-64 letters'],
  ])('fails when %s is invalid', (_field, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});

describe('least-privilege role', () => {
  it('may write its own log streams and traces, and nothing else', () => {
    const { json } = synth();
    expect(policyStatements(json, 'Permissions')).toEqual([
      {
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Greeter_LogGroup_[0-9A-F]{8}\.arn\}:log-stream:\*$/)],
      },
      { sid: 'WriteTraces', actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] },
    ]);
    expect(policyStatements(json, 'AssumeRolePolicy')).toEqual([
      {
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
        condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: ['444455556666'] }],
      },
    ]);
    expect(onlyResource(json, 'aws_iam_role').name).toBe('dev-greeter-exec');
  });

  it('adds exactly the permissions the caller grants', () => {
    const { json } = synth({
      grants: [{ sid: 'ReadTable', actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:ap-southeast-1:444455556666:table/greetings'] }],
    });
    expect(policyStatements(json, 'Permissions')).toContainEqual({
      sid: 'ReadTable',
      actions: ['dynamodb:GetItem'],
      resources: ['arn:aws:dynamodb:ap-southeast-1:444455556666:table/greetings'],
    });
    expect(policyStatements(json, 'Permissions')).toHaveLength(3);
  });

  it.each([['s3:*'], ['*'], ['dynamodb:Get*']])('fails when a grant uses the wildcard action %s', (action) => {
    expect(() => synth({ grants: [{ actions: [action], resources: ['arn:aws:s3:::bucket/*'] }] })).toThrow(
      `grants[0].actions must name single actions such as "sqs:SendMessage" (no wildcards), got "${action}"`,
    );
  });

  it('fails when a grant names no resources', () => {
    expect(() => synth({ grants: [{ actions: ['sqs:SendMessage'], resources: [] }] })).toThrow('grants[0].resources must not be empty');
  });
});

describe('asynchronous invocations', () => {
  it('has no event invoke configuration unless asked: synchronous callers get errors directly', () => {
    expect(synth().json.resource.aws_lambda_function_event_invoke_config).toBeUndefined();
  });

  it('sends events that failed every retry to the on-failure destination, which the role may write to', () => {
    const { json } = synth({ asyncInvocation: { onFailure: { type: 'sqs', arn: QUEUE_ARN }, maximumRetryAttempts: 1 } });
    expect(onlyResource(json, 'aws_lambda_function_event_invoke_config')).toMatchObject({
      function_name: expect.stringMatching(/^\$\{aws_lambda_function\.Greeter_[0-9A-F]{8}\.function_name\}$/),
      maximum_retry_attempts: 1,
      maximum_event_age_in_seconds: 3600,
      destination_config: { on_failure: { destination: QUEUE_ARN } },
    });
    expect(policyStatements(json, 'Permissions')).toContainEqual({ sid: 'SendFailedEvents', actions: ['sqs:SendMessage'], resources: [QUEUE_ARN] });
  });

  it.each([
    ['sns', 'sns:Publish'],
    ['lambda', 'lambda:InvokeFunction'],
    ['eventbridge', 'events:PutEvents'],
  ] as const)('grants only %s destinations their one send action', (type, action) => {
    const { json } = synth({ asyncInvocation: { onFailure: { type, arn: 'arn:aws:xyz:ap-southeast-1:444455556666:target' } } });
    expect(policyStatements(json, 'Permissions')).toContainEqual({
      sid: 'SendFailedEvents',
      actions: [action],
      resources: ['arn:aws:xyz:ap-southeast-1:444455556666:target'],
    });
  });

  it('fails when the retry count is out of range', () => {
    expect(() => synth({ asyncInvocation: { onFailure: { type: 'sqs', arn: QUEUE_ARN }, maximumRetryAttempts: 3 } })).toThrow(
      'asyncInvocation.maximumRetryAttempts must be an integer from 0 to 2, got 3',
    );
  });
});

describe('alarms', () => {
  const alarms = (json: TerraformJson) => Object.values(json.resource.aws_cloudwatch_metric_alarm ?? {});
  const alarm = (json: TerraformJson, name: string) => alarms(json).find((candidate) => candidate.alarm_name === name);

  it('alarms on invocation errors, throttles and near-timeouts, notifying the actions given', () => {
    const topic = 'arn:aws:sns:ap-southeast-1:444455556666:dev-alarms';
    const { json } = synth({ timeoutSeconds: 10, alarmActions: [topic] });

    expect(alarm(json, 'dev-greeter-errors')).toMatchObject({
      namespace: 'AWS/Lambda',
      metric_name: 'Errors',
      dimensions: { FunctionName: 'dev-greeter' },
      statistic: 'Sum',
      threshold: 1,
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      treat_missing_data: 'notBreaching',
      alarm_actions: [topic],
    });
    expect(alarm(json, 'dev-greeter-throttles')).toMatchObject({ metric_name: 'Throttles', statistic: 'Sum', threshold: 1 });
    expect(alarm(json, 'dev-greeter-duration')).toMatchObject({ metric_name: 'Duration', statistic: 'Maximum', threshold: 9000 });
  });

  it('counts logged faults instead of invocation errors when the handler fails invocations on purpose', () => {
    const { json } = synth({ errorSignal: { kind: 'log-patterns', patterns: ['{ $.level = "error" }', '"Task timed out"'] } });

    const filters = Object.values(json.resource.aws_cloudwatch_log_metric_filter ?? {});
    expect(filters.map((filter) => filter.pattern)).toEqual(['{ $.level = "error" }', '"Task timed out"']);
    expect(filters.every((filter) => (filter.metric_transformation as { name: string }).name === 'dev-greeter-faults')).toBe(true);
    expect(alarm(json, 'dev-greeter-errors')).toMatchObject({
      namespace: 'UnifiedApiGateway/Lambda',
      metric_name: 'dev-greeter-faults',
      statistic: 'Sum',
      threshold: 1,
    });
  });
});
