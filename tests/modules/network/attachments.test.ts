import { exampleEnvironment } from '../../support/example-config';
import { synthEnvironment } from '../../support/environment-json';

describe('spoke attachments (<env>-spoke-<account>)', () => {
  const stacks = synthEnvironment(exampleEnvironment('prod'));
  const payments = stacks.get('prod-spoke-555566668888')!;

  it('attaches the existing VPC through its configured subnets', () => {
    const [attachment] = Object.values(payments.resource!.aws_ec2_transit_gateway_vpc_attachment);
    expect(attachment).toMatchObject({
      vpc_id: 'vpc-0a1b2c3d4e5f60001',
      subnet_ids: ['subnet-0a110000000000001', 'subnet-0a120000000000002', 'subnet-0a130000000000003'],
    });
    expect(attachment.transit_gateway_id).toMatch(/terraform_remote_state/);
  });

  it('is accepted, associated and propagated in the network account, never by default', () => {
    const networkProvider = payments.provider!.aws.find((provider) => provider.alias === 'network')!;
    expect(networkProvider.allowed_account_ids).toEqual(['333344448888']);
    expect(networkProvider.assume_role).toEqual([expect.objectContaining({ role_arn: 'arn:aws:iam::333344448888:role/uag-deployer' })]);
    const [accepter] = Object.values(payments.resource!.aws_ec2_transit_gateway_vpc_attachment_accepter);
    expect(accepter).toMatchObject({
      provider: 'aws.network',
      transit_gateway_default_route_table_association: false,
      transit_gateway_default_route_table_propagation: false,
    });
    for (const type of ['aws_ec2_transit_gateway_route_table_association', 'aws_ec2_transit_gateway_route_table_propagation']) {
      for (const resource of Object.values(payments.resource![type])) {
        expect(resource.provider).toBe('aws.network');
        expect(resource.transit_gateway_attachment_id).toMatch(/aws_ec2_transit_gateway_vpc_attachment_accepter\./);
      }
    }
  });

  it('routes only the gateway VPC through the Transit Gateway, after acceptance', () => {
    const routes = Object.values(payments.resource!.aws_route);
    expect(routes.map((route) => route.route_table_id).sort()).toEqual(['rtb-0a110000000000001', 'rtb-0a120000000000002', 'rtb-0a130000000000003']);
    for (const route of routes) {
      expect(route.destination_cidr_block).toBe('10.10.0.0/20');
      expect(route.depends_on).toEqual([expect.stringMatching(/^aws_ec2_transit_gateway_vpc_attachment_accepter\./)]);
    }
  });

  it('creates a private spoke VPC when the configuration asks for one', () => {
    const customers = synthEnvironment(exampleEnvironment('staging')).get('staging-spoke-777766667777')!;
    const [vpc] = Object.values(customers.resource!.aws_vpc);
    expect(vpc.cidr_block).toBe('10.153.0.0/16');
    expect(customers.resource!.aws_internet_gateway).toBeUndefined();
    expect(Object.values(customers.resource!.aws_flow_log)).toHaveLength(1);
    const [attachment] = Object.values(customers.resource!.aws_ec2_transit_gateway_vpc_attachment);
    expect(attachment.vpc_id).toMatch(/aws_vpc\./);
  });

  it('leaves consumer-only accounts without a Transit Gateway attachment', () => {
    expect(stacks.get('prod-spoke-999988887777')!.resource?.aws_ec2_transit_gateway_vpc_attachment).toBeUndefined();
  });
});

describe('gateway VPC (<env>-gateway)', () => {
  const gateway = synthEnvironment(exampleEnvironment('prod')).get('prod-gateway')!;
  const subnets = Object.values(gateway.resource!.aws_subnet);

  it('has private subnets in three AZs and a /28 attachment subnet in each, and no internet gateway', () => {
    const tiers = (tier: string) => subnets.filter((subnet) => (subnet.tags as Record<string, string>).Tier === tier);
    expect(tiers('private').map((subnet) => [subnet.availability_zone, subnet.cidr_block])).toEqual([
      ['ap-southeast-1a', '10.10.0.0/22'],
      ['ap-southeast-1b', '10.10.4.0/22'],
      ['ap-southeast-1c', '10.10.8.0/22'],
    ]);
    expect(tiers('transit-gateway').map((subnet) => subnet.cidr_block)).toEqual(['10.10.12.0/28', '10.10.12.16/28', '10.10.12.32/28']);
    expect(gateway.resource!.aws_internet_gateway).toBeUndefined();
    expect(gateway.resource!.aws_nat_gateway).toBeUndefined();
  });

  it('routes every backend spoke CIDR through the Transit Gateway from every private route table', () => {
    const destinations = Object.values(gateway.resource!.aws_route).map((route) => route.destination_cidr_block);
    expect(destinations.sort()).toEqual([
      '10.20.0.0/16',
      '10.20.0.0/16',
      '10.20.0.0/16',
      '10.21.0.0/16',
      '10.21.0.0/16',
      '10.21.0.0/16',
      '10.22.0.0/16',
      '10.22.0.0/16',
      '10.22.0.0/16',
    ]);
  });

  it('logs VPC flows with a delivery role limited to its log group', () => {
    const flowLog = Object.values(gateway.resource!.aws_flow_log).find((log) => log.vpc_id);
    expect(flowLog).toMatchObject({ traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
    const [, write] = Object.entries(gateway.data!.aws_iam_policy_document).find(([name]) => name.includes('Vpc_FlowLog_WritePolicy'))!;
    expect(write.statement).toEqual([
      {
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        resources: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.[\w-]*Vpc_FlowLog_LogGroup[\w-]*\.arn}:\*$/)],
      },
    ]);
  });
});
