import * as ipaddr from 'ipaddr.js';

export interface SubnetPlan {
  /** Workload subnets (NLBs, VPC endpoints), one per availability zone. */
  readonly private: string[];
  /** Dedicated /28 subnets for the Transit Gateway attachment, one per availability zone, carved from the last block. */
  readonly attachment: string[];
}

/**
 * Splits a VPC CIDR into equal private subnets (one per AZ) plus a spare block of the same size, whose first
 * /28s become the attachment subnets. AWS recommends small dedicated TGW subnets so workload route tables
 * and NACLs stay independent of the attachment ENIs.
 */
export function planSubnets(vpcCidr: string, availabilityZones: number): SubnetPlan {
  const [network, prefix] = ipaddr.IPv4.parseCIDR(vpcCidr);
  const extraBits = Math.ceil(Math.log2(availabilityZones + 1));
  const blockPrefix = prefix + extraBits;
  if (blockPrefix > 28) throw new Error(`VPC ${vpcCidr} is too small for ${availabilityZones} availability zones; use /24 or larger`);
  const base = toNumber(network);
  const blockSize = 2 ** (32 - blockPrefix);
  const blocks = Array.from({ length: 2 ** extraBits }, (_, index) => base + index * blockSize);
  const spare = blocks[blocks.length - 1];
  return {
    private: blocks.slice(0, availabilityZones).map((start) => `${toAddress(start)}/${blockPrefix}`),
    attachment: Array.from({ length: availabilityZones }, (_, index) => `${toAddress(spare + index * 16)}/28`),
  };
}

/** `ap-southeast-1a`, `ap-southeast-1b`, ...: zone names exist in every account even though their mapping differs. */
export function availabilityZoneNames(region: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${region}${String.fromCharCode(97 + index)}`);
}

function toNumber(address: ipaddr.IPv4): number {
  return address.toByteArray().reduce((value, byte) => value * 256 + byte, 0);
}

function toAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
