import type { Construct } from 'constructs';
import type { EnabledService } from '../lib/config/model';
import type { Environment } from '../lib/config/schema/environment';
import { lambdaBackendOf } from '../lib/config/views/lambda-backend';
import { ServiceApi, type ServiceApiProps } from '../modules/gateway/service-api';
import { PrivateBasePathMapping } from '../modules/private-domain/base-path-mapping';
import { logKeyAlias } from '../lib/naming';
import { LogEncryptionKey } from '../modules/security/log-encryption-key';
import { LandingZoneStack } from './base-stack';
import type { GatewayContract } from './contracts/gateway';

export interface ApiStackProps {
  readonly environment: Environment;
  /** The onboarded service this stack publishes. */
  readonly service: EnabledService;
  /** The gateway stack's contract: VPC link, authorizer, regional domain, web ACL, alarm topic, private domain. */
  readonly gateway: GatewayContract;
}

/** `<env>-api-<service>` in the gateway account: one REST API generated from the service's OpenAPI file. */
export class ApiStack extends LandingZoneStack {
  readonly service: EnabledService;
  readonly api: ServiceApi;

  constructor(scope: Construct, props: ApiStackProps) {
    const { definition } = props.service.service;
    super(scope, {
      environment: props.environment,
      kind: 'api',
      name: definition.name,
      accountAlias: props.environment.roles.gateway,
      owner: definition.owner.team,
    });
    this.service = props.service;
    const { privateDomain } = props.gateway;
    const { environment } = props;
    // The stack's own log key: its lifecycle is the lifecycle of the API's log groups (decision 0016-log-encryption).
    const logKey = new LogEncryptionKey(this, 'LogKey', {
      alias: logKeyAlias(this.stackId),
      accountId: this.accountId,
      region: environment.region,
      description: `Encrypts the log groups of ${this.stackId}`,
    });
    this.api = new ServiceApi(this, 'Api', {
      environment: environment.name,
      service: definition,
      openApi: props.service.service.openApi,
      stageSettings: environment.api,
      alarmThresholds: environment.observability.alarms,
      logDestinationArn: environment.observability.logSubscription?.destinationArn,
      gateway: props.gateway.bindingsFor(definition.name),
      logKmsKeyArn: logKey.arn,
      consumerEndpointIds: privateDomain.endpointIdsFor(definition.name),
      ...this.lambdaBackend(props),
    });
    if (this.api.privateApi) {
      new PrivateBasePathMapping(this, 'PrivateMapping', {
        domain: privateDomain,
        restApiId: this.api.privateApi.restApi.id,
        stageName: this.api.privateApi.stage.stageName,
        basePath: definition.basePath,
      });
    }
  }

  /**
   * A Lambda backend's function, and the provider that writes its resource policy in the account that owns it: the
   * permission belongs to the API's change, as the network account's acceptance belongs to a spoke's attachment.
   */
  private lambdaBackend(props: ApiStackProps): Pick<ServiceApiProps, 'lambdaBackend' | 'gatewayAccountId'> {
    const target = lambdaBackendOf(props.environment, props.service);
    if (!target) return {};
    return { lambdaBackend: { ...target, provider: this.providerForAccount(target.accountAlias) }, gatewayAccountId: this.accountId };
  }
}
