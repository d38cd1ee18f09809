import * as ipaddr from 'ipaddr.js';
import { formatPath } from '../problems';
import type { Environment } from '../schema/environment';
import type { ConfigRule } from './rule';

interface NamedNetwork {
  readonly cidr: string;
  readonly path: PropertyKey[];
  /** Networks of the same VPC (a spoke that is also a consumer) may repeat its CIDR. */
  readonly vpcId?: string;
}

/** No two networks of an environment overlap: the Transit Gateway could not route between them. */
export const cidrsDoNotOverlap: ConfigRule = {
  id: 'cidrs-do-not-overlap',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const networks = networksOf(environment);
      return networks.flatMap((network, index) => {
        const earlier = networks
          .slice(0, index)
          .find((other) => !(network.vpcId !== undefined && other.vpcId === network.vpcId) && overlaps(other.cidr, network.cidr));
        if (!earlier) return [];
        return [
          {
            file,
            path: network.path,
            message: `${network.cidr} overlaps ${earlier.cidr} at ${formatPath(earlier.path)}`,
            fix: 'give every VPC of the environment its own address range',
          },
        ];
      });
    }),
};

function networksOf(environment: Environment): NamedNetwork[] {
  return [
    { cidr: environment.network.gatewayVpc.cidr, path: ['network', 'gatewayVpc', 'cidr'] },
    ...environment.network.spokes.map((spoke, index) => ({ cidr: spoke.vpc.cidr, vpcId: spoke.vpc.id, path: ['network', 'spokes', index, 'vpc', 'cidr'] })),
    ...Object.entries(environment.consumers).map(([name, consumer]) => ({
      cidr: consumer.vpc.cidr,
      vpcId: consumer.vpc.id,
      path: ['consumers', name, 'vpc', 'cidr'],
    })),
  ];
}

function range(cidr: string): [number, number] {
  const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const start = address.toByteArray().reduce((value, byte) => value * 256 + byte, 0);
  return [start, start + 2 ** (32 - prefix) - 1];
}

export function overlaps(a: string, b: string): boolean {
  const [aStart, aEnd] = range(a);
  const [bStart, bEnd] = range(b);
  return aStart <= bEnd && bStart <= aEnd;
}
