import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { lambdaExecutionRoleName, lambdaLogGroupName } from '../../lib/naming';
import { FunctionAlarms, type ErrorSignal } from './function-alarms';
import { functionArchive } from './function-archive';
import { isLogRetentionDays, LOG_RETENTION_DAYS } from '../../lib/log-retention';
import { BUNDLE_FILE, LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME } from './bundle';

/** An IAM permission the caller grants the function: explicit actions on explicit resources. */
export interface PolicyGrant {
  /** Statement id, for reading the policy.
   * @default - none */
  readonly sid?: string;
  /** Fully spelled actions such as `sqs:SendMessage`; wildcards are refused. */
  readonly actions: readonly string[];
  /** ARNs the actions apply to. */
  readonly resources: readonly string[];
}

/** Where an asynchronous invocation goes after its last failed attempt; the role may send there and nowhere else. */
export interface OnFailureDestination {
  /** Kind of target, which decides the one action the role is granted. */
  readonly type: 'sqs' | 'sns' | 'lambda' | 'eventbridge';
  /** ARN of the queue, topic, function or event bus. */
  readonly arn: string;
}

export interface AsyncInvocationProps {
  /** Receives events whose asynchronous invocation failed after all retries. */
  readonly onFailure: OnFailureDestination;
  /** Retries after the first failed attempt (0-2).
   * @default 2 */
  readonly maximumRetryAttempts?: number;
  /** Events older than this are sent to the destination instead of being retried (60-21600).
   * @default 3600 */
  readonly maximumEventAgeSeconds?: number;
}

export interface BundledFunctionProps {
  /** Handler entry file, relative to `rootDir`, e.g. `lambdas/authorizer/index.ts`. */
  readonly entry: string;
  /** Repository root: where the entry and node_modules are resolved.
   * @default - this repository */
  readonly rootDir?: string;
  /** Name of the exported handler function.
   * @default 'handler' */
  readonly handlerExport?: string;
  /** Function name, from lib/naming.ts. */
  readonly functionName: string;
  /** Account the function runs in: only Lambda acting for this account may assume the execution role (confused deputy). */
  readonly accountId: string;
  /** Shown in the console.
   * @default - none */
  readonly description?: string;
  /** Extra files placed next to the bundle (per-environment data such as a route table), by name.
   * @default - none */
  readonly files?: Readonly<Record<string, string>>;
  /** Memory in MB; CPU grows with it, which shortens cold starts and signature checks.
   * @default 256 */
  readonly memorySizeMb?: number;
  /** Function timeout in seconds.
   * @default 3 */
  readonly timeoutSeconds?: number;
  /** Concurrent executions reserved for the function.
   * @default - none reserved: the function shares the account's unreserved pool */
  readonly reservedConcurrency?: number;
  /** Log retention in days (a value CloudWatch Logs accepts).
   * @default 365 */
  readonly logRetentionDays?: number;
  /** Customer managed key of the log group (LogEncryptionKey; every log group is CMK-encrypted, UAG-LOG-002). */
  readonly logKmsKeyArn: string;
  /** Environment variables; never secrets (they are visible to anyone who can read the function).
   * @default - only NODE_OPTIONS=--enable-source-maps */
  readonly environmentVariables?: Readonly<Record<string, string>>;
  /** Permissions beyond writing its own logs and traces.
   * @default - none */
  readonly grants?: readonly PolicyGrant[];
  /** Asynchronous invocation settings with an on-failure destination.
   * @default - invoked synchronously only: no retries configured, no destination */
  readonly asyncInvocation?: AsyncInvocationProps;
  /** What the error alarm counts.
   * @default - Lambda's Errors metric */
  readonly errorSignal?: ErrorSignal;
  /** ARNs notified when an alarm changes state (e.g. the environment's alarm topic).
   * @default - none: alarms only change state */
  readonly alarmActions?: readonly string[];
}

const DESTINATION_ACTION: Readonly<Record<OnFailureDestination['type'], string>> = {
  sqs: 'sqs:SendMessage',
  sns: 'sns:Publish',
  lambda: 'lambda:InvokeFunction',
  eventbridge: 'events:PutEvents',
};

/**
 * A Lambda function whose code is a handler from `lambdas/` bundled at synth time (Node.js 22, arm64,
 * minified, source maps) into a deterministic archive, with its own log group, a role that can do only
 * what the caller grants plus logging and tracing, X-Ray tracing, alarms, and optionally an on-failure
 * destination for asynchronous invocations.
 */
export class BundledFunction extends Construct {
  readonly resource: LambdaFunction;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;
  readonly alarms: FunctionAlarms;
  readonly eventInvokeConfig?: LambdaFunctionEventInvokeConfig;
  /** Base64 SHA-256 of the archive, as Lambda reports it (CodeSha256). */
  readonly sourceCodeHash: string;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);
    validate(props);
    const timeoutSeconds = props.timeoutSeconds ?? 3;

    const archive = functionArchive(this, 'Code', { entry: props.entry, rootDir: props.rootDir, files: props.files ?? {} });
    this.sourceCodeHash = archive.sha256Base64;

    this.logGroup = new CloudwatchLogGroup(this, 'LogGroup', {
      name: lambdaLogGroupName(props.functionName),
      retentionInDays: props.logRetentionDays ?? 365,
      kmsKeyId: props.logKmsKeyArn,
    });

    const assumeRole = new DataAwsIamPolicyDocument(this, 'AssumeRolePolicy', {
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
          // Lambda assumes the role for functions of this account only (confused-deputy guard, UAG-IAM-004).
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] }],
        },
      ],
    });
    this.role = new IamRole(this, 'Role', {
      name: lambdaExecutionRoleName(props.functionName),
      description: `Execution role of ${props.functionName}`,
      assumeRolePolicy: assumeRole.json,
    });
    const permissions = new DataAwsIamPolicyDocument(this, 'Permissions', { statement: this.statements(props) });
    const rolePolicy = new IamRolePolicy(this, 'RolePolicy', { name: 'function', role: this.role.id, policy: permissions.json });

    this.resource = new LambdaFunction(this, 'Resource', {
      functionName: props.functionName,
      description: props.description,
      role: this.role.arn,
      runtime: LAMBDA_RUNTIME,
      architectures: [LAMBDA_ARCHITECTURE],
      handler: `${BUNDLE_FILE.replace(/\.js$/, '')}.${props.handlerExport ?? 'handler'}`,
      filename: archive.asset.path,
      sourceCodeHash: archive.sha256Base64,
      memorySize: props.memorySizeMb ?? 256,
      timeout: timeoutSeconds,
      reservedConcurrentExecutions: props.reservedConcurrency,
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'Text', logGroup: this.logGroup.name },
      environment: { variables: { NODE_OPTIONS: '--enable-source-maps', ...props.environmentVariables } },
      // The log group and the permission to write to it exist before the first invocation can log.
      dependsOn: [this.logGroup, rolePolicy],
    });

    if (props.asyncInvocation) {
      this.eventInvokeConfig = new LambdaFunctionEventInvokeConfig(this, 'AsyncInvocation', {
        functionName: this.resource.functionName,
        maximumRetryAttempts: props.asyncInvocation.maximumRetryAttempts ?? 2,
        maximumEventAgeInSeconds: props.asyncInvocation.maximumEventAgeSeconds ?? 3600,
        destinationConfig: { onFailure: { destination: props.asyncInvocation.onFailure.arn } },
        dependsOn: [rolePolicy],
      });
    }

    this.alarms = new FunctionAlarms(this, 'Alarms', {
      functionName: props.functionName,
      logGroupName: this.logGroup.name,
      timeoutSeconds,
      reservedConcurrency: props.reservedConcurrency,
      errorSignal: props.errorSignal ?? { kind: 'invocation-errors' },
      alarmActions: props.alarmActions ?? [],
    });
  }

  /** `arn:…:function:<name>`. */
  get arn(): string {
    return this.resource.arn;
  }

  /** What API Gateway calls: `arn:…:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations`. */
  get invokeArn(): string {
    return this.resource.invokeArn;
  }

  private statements(props: BundledFunctionProps): DataAwsIamPolicyDocumentStatement[] {
    const statements: DataAwsIamPolicyDocumentStatement[] = [
      { sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${this.logGroup.arn}:log-stream:*`] },
      // X-Ray has no resource-level permissions for these two actions; they only accept "*".
      { sid: 'WriteTraces', actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] },
    ];
    if (props.asyncInvocation) {
      const { type, arn } = props.asyncInvocation.onFailure;
      statements.push({ sid: 'SendFailedEvents', actions: [DESTINATION_ACTION[type]], resources: [arn] });
    }
    for (const grant of props.grants ?? []) {
      statements.push({ sid: grant.sid, actions: [...grant.actions], resources: [...grant.resources] });
    }
    return statements;
  }
}

function validate(props: BundledFunctionProps): void {
  const problems: string[] = [];
  const inRange = (field: string, value: number | undefined, min: number, max: number): void => {
    if (value === undefined || Token.isUnresolved(value)) return;
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${field} must be an integer from ${min} to ${max}, got ${value}`);
  };
  if (!Token.isUnresolved(props.functionName) && !/^[A-Za-z0-9_-]{1,64}$/.test(props.functionName)) {
    problems.push(`functionName must be 1-64 letters, digits, dashes or underscores, got "${props.functionName}"`);
  }
  inRange('memorySizeMb', props.memorySizeMb, 128, 10240);
  inRange('timeoutSeconds', props.timeoutSeconds, 1, 900);
  inRange('reservedConcurrency', props.reservedConcurrency, 0, 100000);
  inRange('asyncInvocation.maximumRetryAttempts', props.asyncInvocation?.maximumRetryAttempts, 0, 2);
  inRange('asyncInvocation.maximumEventAgeSeconds', props.asyncInvocation?.maximumEventAgeSeconds, 60, 21600);
  if (props.logRetentionDays !== undefined && !isLogRetentionDays(props.logRetentionDays)) {
    problems.push(`logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(', ')}, got ${props.logRetentionDays}`);
  }
  (props.grants ?? []).forEach((grant, index) => {
    for (const action of grant.actions) {
      if (!Token.isUnresolved(action) && !/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(action)) {
        problems.push(`grants[${index}].actions must name single actions such as "sqs:SendMessage" (no wildcards), got "${action}"`);
      }
    }
    if (grant.actions.length === 0) problems.push(`grants[${index}].actions must not be empty`);
    if (grant.resources.length === 0) problems.push(`grants[${index}].resources must not be empty; name the ARNs the actions apply to`);
  });
  if (problems.length > 0) throw new Error(`BundledFunction ${props.functionName}: ${problems.join('; ')}`);
}
