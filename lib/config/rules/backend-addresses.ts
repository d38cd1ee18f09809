import * as ipaddr from 'ipaddr.js';
import type { ConfigRule } from './rule';

/**
 * A backend is reachable only through a spoke VPC attached to the Transit Gateway: its account needs a spoke,
 * and every address must lie inside that spoke's CIDR. Lambda backends are invoked over the AWS API, not the network
 * (their own rule is backend-kinds).
 */
export const backendAddresses: ConfigRule = {
  id: 'backend-addresses',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) =>
      Object.entries(environment.services).flatMap(([name, deployment]) => {
        const backend = deployment.backend;
        if (!deployment.enabled || !backend || !backend.addresses) return [];
        const addresses = backend.addresses;
        if (config.services.get(name)?.definition.backend.kind === 'lambda') return [];
        const spokes = environment.network.spokes.filter((spoke) => spoke.account === backend.account);
        if (spokes.length === 0) {
          return [
            {
              file,
              path: ['services', name, 'backend', 'account'],
              message: `account "${backend.account}" has no spoke VPC attached to the Transit Gateway`,
              fix: `add a network.spokes entry for account ${backend.account}, or point the backend at an account that has one`,
            },
          ];
        }
        return addresses.flatMap((address, index) => {
          const inside = spokes.some((spoke) => ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parseCIDR(spoke.vpc.cidr)));
          if (inside) return [];
          return [
            {
              file,
              path: ['services', name, 'backend', 'addresses', index],
              message: `${address} is outside the spoke VPC of account "${backend.account}" (${spokes.map((spoke) => spoke.vpc.cidr).join(', ')})`,
              fix: 'use an address of the backend in that VPC, or declare the VPC that holds it under network.spokes',
            },
          ];
        });
      }),
    ),
};
