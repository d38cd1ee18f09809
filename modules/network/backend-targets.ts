import * as ipaddr from 'ipaddr.js';
import type { EnabledService } from '../../lib/config/model';
import type { Environment } from '../../lib/config/schema/environment';
import type { BackendTarget } from './backend-listener';

/** The NLB view of every enabled service: where its addresses live and which listener port it gets. */
export function backendTargets(environment: Environment, services: readonly EnabledService[]): BackendTarget[] {
  return services.map(({ service, backend }) => {
    const { definition } = service;
    const spoke = environment.network.spokes.find(
      (candidate) => candidate.account === backend.account && backend.addresses.every((address) => ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parseCIDR(candidate.vpc.cidr))),
    );
    if (!spoke) throw new Error(`service ${definition.name}: backend addresses are in no spoke VPC of account "${backend.account}"; run the configuration checks`);
    return {
      service: definition.name,
      port: definition.backend.port,
      protocol: definition.backend.protocol,
      healthCheckPath: definition.backend.healthCheckPath,
      addresses: backend.addresses,
      cidr: spoke.vpc.cidr,
      listenerPort: backend.listenerPort ?? definition.backend.port,
      tlsServerName: backend.tlsServerName,
    };
  });
}
