import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Fn, TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';
import { apiAccessLogGroupName } from '../../lib/naming';
import { ACCESS_LOG_FORMAT } from './access-log-format';

export interface ServiceRestApiProps {
  /** API name, `<env>-<service>` (or `<env>-<service>-internal` for the private twin of a "both" service). */
  readonly name: string;
  readonly description: string;
  /** REGIONAL: public, behind CloudFront, execute-api endpoint disabled. PRIVATE: reachable through VPC endpoints only. */
  readonly endpointType: 'REGIONAL' | 'PRIVATE';
  /** The rendered OpenAPI body (see renderOpenApiBody). */
  readonly body: string;
  /** Resource policy document (JSON).
   * @default - none; required for PRIVATE APIs */
  readonly policy?: string;
  /** Stage name; one stage per API and environment. */
  readonly stageName: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** Throttling of every method of the stage. */
  readonly throttling: { readonly rateLimit: number; readonly burstLimit: number };
  readonly loggingLevel: 'ERROR' | 'INFO' | 'OFF';
  readonly accessLogRetentionDays: number;
  readonly executionLogRetentionDays: number;
  /** Customer managed key of the access and execution log groups (every log group is CMK-encrypted, UAG-LOG-002). */
  readonly logKmsKeyArn: string;
}

/**
 * One REST API generated from a service's OpenAPI document, its deployment and its stage. The deployment is
 * replaced (create before destroy) whenever the body or the resource policy changes, so the stage always
 * serves what was reviewed. Access logs are JSON, tracing is on, data trace is off.
 */
export class ServiceRestApi extends Construct {
  readonly restApi: ApiGatewayRestApi;
  readonly stage: ApiGatewayStage;
  readonly accessLogGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: ServiceRestApiProps) {
    super(scope, id);
    if (props.endpointType === 'PRIVATE' && !props.policy) {
      throw new Error(`private API ${props.name} needs a resource policy: without one no VPC endpoint can invoke it`);
    }
    this.restApi = new ApiGatewayRestApi(this, 'Resource', {
      name: props.name,
      description: props.description,
      body: props.body,
      policy: props.policy,
      endpointConfiguration: { types: [props.endpointType] },
      // Public APIs are reached only through CloudFront and the custom domain; private ones only through endpoints.
      disableExecuteApiEndpoint: props.endpointType === 'REGIONAL',
      failOnWarnings: true,
    });

    const deploymentSource = new TerraformLocal(this, 'DeploymentSource', [props.body, props.policy ?? '']);
    const deployment = new ApiGatewayDeployment(this, 'Deployment', {
      restApiId: this.restApi.id,
      description: `${props.name}: deployed from its OpenAPI document`,
      // Hash the strings handed to the API, not the API's stored attributes: the provider normalises a stored
      // policy between plan and apply, so a trigger over `rest_api.policy` changes mid-apply ("inconsistent final
      // plan") on create and on every policy change of a private API (found by the emulated apply, issue 18).
      // A local carries them because a literal string inside a Terraform function call is not escaped by cdktf.
      triggers: { redeployment: Fn.sha1(Fn.jsonencode(deploymentSource.expression)) },
      lifecycle: { createBeforeDestroy: true },
    });

    this.accessLogGroup = new CloudwatchLogGroup(this, 'AccessLogs', {
      name: apiAccessLogGroupName(props.name),
      retentionInDays: props.accessLogRetentionDays,
      kmsKeyId: props.logKmsKeyArn,
    });
    // API Gateway writes execution logs to this fixed name; creating it first keeps retention under our control.
    const executionLogs = new CloudwatchLogGroup(this, 'ExecutionLogs', {
      name: `API-Gateway-Execution-Logs_${this.restApi.id}/${props.stageName}`,
      retentionInDays: props.executionLogRetentionDays,
      kmsKeyId: props.logKmsKeyArn,
    });

    this.stage = new ApiGatewayStage(this, 'Stage', {
      restApiId: this.restApi.id,
      deploymentId: deployment.id,
      stageName: props.stageName,
      xrayTracingEnabled: true,
      variables: { ...props.stageVariables },
      accessLogSettings: { destinationArn: this.accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
      dependsOn: [executionLogs],
    });

    new ApiGatewayMethodSettings(this, 'MethodSettings', {
      restApiId: this.restApi.id,
      stageName: this.stage.stageName,
      methodPath: '*/*',
      settings: {
        metricsEnabled: true,
        loggingLevel: props.loggingLevel,
        dataTraceEnabled: false,
        throttlingRateLimit: props.throttling.rateLimit,
        throttlingBurstLimit: props.throttling.burstLimit,
      },
    });
  }
}
