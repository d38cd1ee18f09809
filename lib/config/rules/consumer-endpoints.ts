import type { ConfigProblem } from '../problems';
import type { Environment } from '../schema/environment';
import type { ConfigRule } from './rule';

/**
 * Each consumer gets an execute-api interface endpoint and a private hosted zone in its VPC: the VPC names subnets
 * for the endpoint (two or more, in different availability zones), is not shared with another consumer (one endpoint
 * and one zone for the private domain per VPC), and lives outside the gateway account (the domain is shared with RAM).
 */
export const consumerEndpoints: ConfigRule = {
  id: 'consumer-endpoints',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => [
      ...subnets(file, environment),
      ...sharedVpcs(file, environment),
      ...gatewayAccount(file, environment),
    ]),
};

function subnets(file: string, environment: Environment): ConfigProblem[] {
  return Object.entries(environment.consumers).flatMap(([name, { vpc }]): ConfigProblem[] => {
    const path = ['consumers', name, 'vpc', 'subnetIds'];
    if (vpc.subnetIds === undefined) {
      return [
        {
          file,
          path: ['consumers', name, 'vpc'],
          message: `consumer "${name}" declares no subnetIds: its execute-api VPC endpoint needs subnets in at least two availability zones`,
          fix: `add subnetIds: [subnet-…, subnet-…] with subnets of ${vpc.id} in different availability zones`,
        },
      ];
    }
    const duplicates = vpc.subnetIds.filter((subnet, index) => vpc.subnetIds!.indexOf(subnet) !== index);
    return duplicates.length > 0
      ? [
          {
            file,
            path,
            message: `subnet ${duplicates[0]} is listed twice; the endpoint would sit in fewer availability zones than it looks`,
            fix: 'list each subnet once, one per availability zone',
          },
        ]
      : [];
  });
}

function sharedVpcs(file: string, environment: Environment): ConfigProblem[] {
  const firstByVpc = new Map<string, string>();
  return Object.entries(environment.consumers).flatMap(([name, { vpc }]) => {
    const first = firstByVpc.get(vpc.id);
    if (first === undefined) {
      firstByVpc.set(vpc.id, name);
      return [];
    }
    return [
      {
        file,
        path: ['consumers', name, 'vpc', 'id'],
        message: `${vpc.id} is already the VPC of consumer "${first}"; a VPC gets one execute-api endpoint and one private zone for the domain`,
        fix: `merge the two consumers into "${first}" (list every service it may call there)`,
      },
    ];
  });
}

function gatewayAccount(file: string, environment: Environment): ConfigProblem[] {
  return Object.entries(environment.consumers)
    .filter(([, consumer]) => consumer.account === environment.roles.gateway)
    .map(([name]) => ({
      file,
      path: ['consumers', name, 'account'],
      message: `consumer "${name}" is in the gateway account "${environment.roles.gateway}"; the private domain is shared with AWS RAM to other accounts only`,
      fix: 'call the private APIs from a VPC in a consumer account',
    }));
}
