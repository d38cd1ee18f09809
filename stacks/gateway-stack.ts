import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { accountIdOf, type EnabledService } from '../lib/config/model';
import type { Environment } from '../lib/config/schema/environment';
import { ApiAuthorizer } from '../modules/lambda/authorizer';
import { GatewayPerimeter } from '../modules/security/gateway-perimeter';
import { ApiGatewayAccount } from '../modules/gateway/api-gateway-account';
import { PublicEdge } from '../modules/gateway/public-edge';
import { GatewayNetwork } from '../modules/network/gateway-network';
import { SharedPrivateDomain } from '../modules/private-domain/shared-private-domain';
import { RamShareAuditor } from '../modules/lambda/ram-share-auditor';
import { EnvironmentDashboard } from '../modules/observability/environment-dashboard';
import { TelemetryExports } from '../modules/observability/telemetry-exports';
import { logKeyAlias, resourceName, restApiNames } from '../lib/naming';
import { LogEncryptionKey } from '../modules/security/log-encryption-key';
import { accessMatrix } from '../lib/config/views/access-matrix';
import { compileRouteTable } from '../lib/config/views/authorizer-routes';
import { alarmReceiversFor, GLOBAL_ALARM_REGION } from '../lib/config/views/alarm-receivers';
import { backendTargets } from '../lib/config/views/backend-targets';
import { LandingZoneStack } from './base-stack';
import { gatewayContract, type GatewayContract } from './contracts/gateway';
import type { NetworkContract } from './contracts/network';

export interface GatewayStackProps {
  readonly environment: Environment;
  /** Services enabled in the environment; the gateway owns their VPC links and domain mappings' parents. */
  readonly services: readonly EnabledService[];
  /** The environment's network stack's contract: the shared Transit Gateway. */
  readonly network: NetworkContract;
}

/**
 * `<env>-gateway` in the gateway account: gateway VPC, NLBs and VPC links, authorizer, custom domains,
 * CloudFront with WAF and Shield, the private domain and its RAM share, shared logs and dashboards.
 */
export class GatewayStack extends LandingZoneStack {
  readonly services: readonly EnabledService[];
  /** Lambda REQUEST authorizer of every API: `securityScheme(apiStack)`, `stageVariables(service)`, invoke and credentials ARNs. */
  readonly authorizer: ApiAuthorizer;
  /** Gateway VPC, its Transit Gateway attachment and the private integrations (`forService(name)`: VPC link, NLB). */
  readonly network: GatewayNetwork;
  /** Regional custom domain, CloudFront front door and the regional web ACL of public stages. */
  readonly publicEdge: PublicEdge;
  /** Optional metric stream and SIEM log subscription role. */
  readonly telemetry: TelemetryExports;
  /** Alarm topics, edge web ACL (CloudFront), Shield Advanced, and enforceOriginVerification() for the regional web ACL. */
  readonly perimeter: GatewayPerimeter;
  /** Internal path: consumer execute-api endpoints, the private custom domain admitting them, its RAM shares. */
  readonly privateDomain: SharedPrivateDomain;
  /** What the API stacks and the consumer spokes bind to. */
  readonly contract: GatewayContract;

  constructor(scope: Construct, props: GatewayStackProps) {
    super(scope, { environment: props.environment, kind: 'gateway', accountAlias: props.environment.roles.gateway });
    this.services = props.services;
    const { environment } = props;
    const { network } = environment;
    // One customer managed key for every log group of the stack (decision 0016-log-encryption).
    const logKey = new LogEncryptionKey(this, 'LogKey', {
      alias: logKeyAlias(this.stackId),
      accountId: this.accountId,
      region: environment.region,
      description: `Encrypts the log groups of ${this.stackId}`,
    });
    // Before the network: its target-group and certificate alarms notify the perimeter's alarm topic.
    this.perimeter = new GatewayPerimeter(this, 'Perimeter', {
      environment: environment.name,
      region: environment.region,
      waf: environment.waf,
      shield: environment.shield,
      accountId: this.accountId,
      provider: this.provider,
      usEast1: this.usEast1,
      alarmReceivers: { home: alarmReceiversFor(environment, environment.region), global: alarmReceiversFor(environment, GLOBAL_ALARM_REGION) },
    });
    this.network = new GatewayNetwork(this, 'Network', {
      environment: environment.name,
      region: environment.region,
      accountId: this.accountId,
      vpc: network.gatewayVpc,
      flowLogRetentionDays: network.flowLogRetentionDays,
      logKmsKeyArn: logKey.arn,
      transitGateway: props.network.transitGateway,
      segments: network.transitGateway.segments,
      networkProvider: this.providerForAccount(environment.roles.network),
      crossAccount: this.accountId !== accountIdOf(environment, environment.roles.network),
      spokeCidrs: network.spokes.map((spoke) => spoke.vpc.cidr),
      privateIntegrations: {
        strategy: network.privateIntegrations.nlbStrategy,
        deletionProtection: network.privateIntegrations.deletionProtection,
        tlsCertificateArn: network.privateIntegrations.tlsCertificateArn,
        accessLogsBucket: network.privateIntegrations.accessLogsBucket,
      },
      backends: backendTargets(environment, props.services),
      alarmActions: this.perimeter.alarmTopic.alarmActions,
    });
    this.publicEdge = new PublicEdge(this, 'PublicEdge', {
      environment: environment.name,
      region: environment.region,
      domains: environment.domains,
      cloudFront: environment.cloudFront,
      perimeter: this.perimeter,
      usEast1: this.usEast1,
    });
    new ApiGatewayAccount(this, 'ApiGatewayAccount', { environment: props.environment.name, region: props.environment.region, accountId: this.accountId });
    new EnvironmentDashboard(this, 'Dashboard', {
      name: resourceName(props.environment.name, 'apis'),
      region: props.environment.region,
      apis: props.services.flatMap(({ service: { definition } }) => {
        const names = restApiNames(environment.name, definition.name, definition.visibility);
        return [names.public, names.private].flatMap((apiName) => (apiName ? [{ apiName, stageName: environment.name }] : []));
      }),
    });
    this.authorizer = new ApiAuthorizer(this, 'Authorizer', {
      environment: environment.name,
      region: environment.region,
      accountId: this.accountId,
      settings: environment.authorizer,
      routeTable: compileRouteTable(props.services),
      logKmsKeyArn: logKey.arn,
      alarmActions: this.perimeter.alarmTopic.alarmActions,
    });
    this.privateDomain = new SharedPrivateDomain(this, 'PrivateDomain', {
      environment: environment.name,
      region: environment.region,
      domainName: environment.domains.private,
      hostedZoneId: environment.domains.hostedZoneId,
      certificateArn: environment.privateDomain.certificateArn,
      matrix: accessMatrix(environment),
      consumers: environment.consumers,
      providerForAccount: (alias) => this.providerForAccount(alias),
    });
    if (this.privateDomain.organizationShare || this.privateDomain.externalShare) {
      new RamShareAuditor(this, 'RamShareAuditor', {
        environment: environment.name,
        accountId: this.accountId,
        logKmsKeyArn: logKey.arn,
        settings: environment.privateDomain.shareAuditor,
        privateDomain: this.privateDomain,
        alarmActions: this.perimeter.alarmTopic.alarmActions,
      });
    }
    this.telemetry = new TelemetryExports(this, 'Telemetry', {
      environment: environment.name,
      region: environment.region,
      accountId: this.accountId,
      observability: environment.observability,
      logGroupNames: [this.authorizer.function.logGroup.name],
    });
    this.contract = gatewayContract(this);
    this.documentedOutputs();
  }

  /** Outputs for operators (the contract's values reach other stacks through cdktf's own cross-stack outputs). */
  private documentedOutputs(): void {
    new TerraformOutput(this, 'gateway_vpc_id', { value: this.network.vpc.vpc.id, description: 'Gateway VPC (private subnets, no internet gateway).' });
    for (const service of this.network.integrations.services) {
      const integration = this.network.integrations.forService(service);
      const key = service.replace(/-/g, '_');
      new TerraformOutput(this, `vpc_link_id_${key}`, {
        value: integration.vpcLinkId,
        description: `REST API VPC link of ${service} (x-amazon-apigateway-integration connectionId).`,
      });
      new TerraformOutput(this, `nlb_dns_name_${key}`, {
        value: integration.loadBalancerDnsName,
        description: `Internal NLB in front of ${service}, for its stage variable.`,
      });
      new TerraformOutput(this, `nlb_listener_port_${key}`, { value: integration.listenerPort, description: `NLB listener port of ${service}.` });
    }
  }
}
