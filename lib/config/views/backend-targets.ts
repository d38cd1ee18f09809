import * as ipaddr from 'ipaddr.js';
import type { EnabledService } from '../model';
import type { Environment } from '../schema/environment';
import { isVpcLinkBackend } from '../schema/service-backend';

/** One backend service as the gateway sees it. */
export interface BackendTarget {
  readonly service: string;
  /** Port the backend listens on. */
  readonly port: number;
  readonly protocol: 'TCP' | 'TLS';
  readonly healthCheckPath: string;
  /** IP addresses in the service account's VPC, reached through the Transit Gateway. */
  readonly addresses: readonly string[];
  /** Network holding the addresses (the spoke VPC CIDR). */
  readonly cidr: string;
  /** Port of the NLB listener for this service. */
  readonly listenerPort: number;
  /** TLS backends: the name API Gateway calls and verifies the listener certificate against.
   * @default - none (TCP backends) */
  readonly tlsServerName?: string;
}

/** The NLB view of every enabled VPC-link service (Lambda backends need none): where its addresses live and which listener port it gets. */
export function backendTargets(environment: Environment, services: readonly EnabledService[]): BackendTarget[] {
  return services.flatMap(({ service, backend }) => {
    const { definition } = service;
    const kind = definition.backend;
    if (!isVpcLinkBackend(kind)) return [];
    const addresses = backend.addresses ?? [];
    const spoke = environment.network.spokes.find(
      (candidate) =>
        candidate.account === backend.account &&
        addresses.length > 0 &&
        addresses.every((address) => ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parseCIDR(candidate.vpc.cidr))),
    );
    if (!spoke)
      throw new Error(`service ${definition.name}: backend addresses are in no spoke VPC of account "${backend.account}"; run the configuration checks`);
    return [
      {
        service: definition.name,
        port: kind.port,
        protocol: kind.protocol,
        healthCheckPath: kind.healthCheckPath,
        addresses,
        cidr: spoke.vpc.cidr,
        listenerPort: backend.listenerPort ?? kind.port,
        tlsServerName: backend.tlsServerName,
      },
    ];
  });
}
