import { partitionOf } from '../aws-regions';
import { accountIdOf, type EnabledService } from '../model';
import type { Environment } from '../schema/environment';

/** A service's Lambda backend in one environment, as the API stack grants and invokes it. */
export interface LambdaBackendTarget {
  /** Alias (under `accounts`) of the account that owns the function: the provider the permission is created with. */
  readonly accountAlias: string;
  /** `arn:<partition>:lambda:<region>:<account>:function:<name>` (unqualified: the permission takes the qualifier apart). */
  readonly functionArn: string;
  /** Alias or version invoked and granted. @default - the unqualified function */
  readonly qualifier?: string;
  /** The integration URI: `arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN[:qualifier]>/invocations`. */
  readonly invokeArn: string;
}

/**
 * The Lambda backend of an enabled service, or undefined for a VPC-link service. The function lives in the account of
 * `services.<name>.backend` in the environment's home region (docs/decisions/0014-backend-kinds.md).
 */
export function lambdaBackendOf(environment: Environment, { service, backend }: EnabledService): LambdaBackendTarget | undefined {
  const declared = service.definition.backend;
  if (declared.kind !== 'lambda') return undefined;
  const partition = partitionOf(environment.region);
  const functionArn = `arn:${partition}:lambda:${environment.region}:${accountIdOf(environment, backend.account)}:function:${declared.functionName}`;
  const invoked = declared.qualifier ? `${functionArn}:${declared.qualifier}` : functionArn;
  return {
    accountAlias: backend.account,
    functionArn,
    ...(declared.qualifier ? { qualifier: declared.qualifier } : {}),
    invokeArn: `arn:${partition}:apigateway:${environment.region}:lambda:path/2015-03-31/functions/${invoked}/invocations`,
  };
}
