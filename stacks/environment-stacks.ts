import type { Construct } from 'constructs';
import { enabledServices, type LandingZoneConfig } from '../lib/config/model';
import type { Environment } from '../lib/config/schema/environment';
import { ApiStack } from './api-stack';
import type { LandingZoneStack } from './base-stack';
import { GatewayStack } from './gateway-stack';
import { NetworkStack } from './network-stack';
import { OrgStack } from './org-stack';
import { SecurityStack } from './security-stack';
import { SpokeStack } from './spoke-stack';

/**
 * All stacks of one environment, with the dependencies `cdktf deploy` and CI apply in order:
 * org → security; org → network → gateway → api-*; network + gateway → spoke-*
 * (spokes attach to the shared TGW and associate with the gateway's shared private domain).
 */
export function buildEnvironmentStacks(scope: Construct, config: LandingZoneConfig, environment: Environment): LandingZoneStack[] {
  const services = enabledServices(config, environment);

  const org = new OrgStack(scope, { environment });
  const security = new SecurityStack(scope, { environment });
  security.addDependency(org);
  const network = new NetworkStack(scope, { environment });
  network.addDependency(org);
  const gateway = new GatewayStack(scope, { environment, services, network: network.contract });
  gateway.addDependency(network);

  const apis = services.map((service) => {
    const api = new ApiStack(scope, { environment, service, gateway: gateway.contract });
    api.addDependency(gateway);
    return api;
  });

  const spokes = spokeAccounts(environment).map((accountAlias) => {
    const spoke = new SpokeStack(scope, {
      environment,
      accountAlias,
      backends: environment.network.spokes.filter((entry) => entry.account === accountAlias),
      consumers: Object.fromEntries(Object.entries(environment.consumers).filter(([, consumer]) => consumer.account === accountAlias)),
      network: network.contract,
      gateway: gateway.contract,
    });
    spoke.addDependency(network);
    spoke.addDependency(gateway);
    return spoke;
  });

  return [org, security, network, gateway, ...apis, ...spokes];
}

/** Accounts with a backend VPC or a consumer, each once, in declaration order. */
function spokeAccounts(environment: Environment): string[] {
  const aliases = [...environment.network.spokes.map((spoke) => spoke.account), ...Object.values(environment.consumers).map((consumer) => consumer.account)];
  return [...new Set(aliases)];
}
