import * as ipaddr from 'ipaddr.js';
import type { ConfigRule } from './rule';

/** VPCs the project creates are split into a subnet per AZ plus attachment subnets: /16 to /24 leaves room for that. */
export const vpcSizes: ConfigRule = {
  id: 'vpc-sizes',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const created = [
        { cidr: environment.network.gatewayVpc.cidr, path: ['network', 'gatewayVpc', 'cidr'] },
        ...environment.network.spokes.flatMap((spoke, index) =>
          spoke.vpc.create ? [{ cidr: spoke.vpc.cidr, path: ['network', 'spokes', index, 'vpc', 'cidr'] }] : [],
        ),
      ];
      return created.flatMap(({ cidr, path }) => {
        const [, prefix] = ipaddr.IPv4.parseCIDR(cidr);
        if (prefix >= 16 && prefix <= 24) return [];
        return [
          {
            file,
            path,
            message: `a /${prefix} VPC is ${prefix < 16 ? 'larger than AWS allows (/16)' : 'too small for a subnet per availability zone'}`,
            fix: 'use a CIDR between /16 and /24',
          },
        ];
      });
    }),
};
