import { placeholderId } from '../../../lib/cross-stack';
import { exampleEnvironment } from '../../support/example-config';
import { allResources, synthEnvironment } from '../../support/environment-json';

describe('Transit Gateway hub (<env>-network)', () => {
  const prod = synthEnvironment(exampleEnvironment('prod'));
  const network = prod.get('prod-network')!;

  it('never auto-accepts, associates or propagates, and keeps DNS support on', () => {
    const [gateway] = Object.values(network.resource!.aws_ec2_transit_gateway);
    expect(gateway).toMatchObject({
      amazon_side_asn: 64512,
      auto_accept_shared_attachments: 'disable',
      default_route_table_association: 'disable',
      default_route_table_propagation: 'disable',
      dns_support: 'enable',
    });
  });

  it('has one route table per configured segment', () => {
    const segments = Object.values(network.resource!.aws_ec2_transit_gateway_route_table).map((table) => (table.tags as Record<string, string>).Segment);
    expect(segments.sort()).toEqual(['backends', 'gateway']);
  });

  it('logs Transit Gateway flows to a log group with retention', () => {
    const [flowLog] = Object.values(network.resource!.aws_flow_log);
    expect(flowLog.transit_gateway_id).toMatch(/aws_ec2_transit_gateway\./);
    expect(flowLog.max_aggregation_interval).toBe(60);
    expect(Object.values(network.resource!.aws_cloudwatch_log_group)[0]).toMatchObject({ name: '/uag/prod/flow-logs/transit-gateway', retention_in_days: 731 });
  });

  it('gives each environment its own Transit Gateway in its own network account', () => {
    const dev = synthEnvironment(exampleEnvironment('dev')).get('dev-network')!;
    expect(dev.provider!.aws[0].allowed_account_ids).toEqual(['333344446666']);
    expect(network.provider!.aws[0].allowed_account_ids).toEqual(['333344448888']);
    expect(Object.keys(dev.resource!.aws_ec2_transit_gateway)).toHaveLength(1);
  });
});

describe('RAM share of the Transit Gateway', () => {
  const network = synthEnvironment(exampleEnvironment('prod')).get('prod-network')!;

  it('never allows external principals', () => {
    for (const share of Object.values(network.resource!.aws_ram_resource_share)) expect(share.allow_external_principals).toBe(false);
  });

  it('shares with exactly the gateway account and the backend spoke accounts', () => {
    const principals = Object.values(network.resource!.aws_ram_principal_association).map((association) => association.principal);
    // gateway, payments, ledger, customers; not the consumers (retail-app, partner-hub), which attach nothing.
    expect(principals.sort()).toEqual(['444455558888', '555566668888', '666677778888', '777766668888']);
  });

  it('shares the Transit Gateway itself', () => {
    const [association] = Object.values(network.resource!.aws_ram_resource_association);
    expect(association.resource_arn).toMatch(/aws_ec2_transit_gateway\.[\w-]+\.arn/);
  });
});

describe('segment routing', () => {
  // Offline placeholders make the network stack's route table ids readable in the consuming stacks.
  const stacks = synthEnvironment(exampleEnvironment('prod'), { offline: true });
  const segmentOf = (routeTableId: unknown) => ['gateway', 'backends'].find((segment) => placeholderId('tgw-rtb', `prod-network/${segment}`) === routeTableId);
  const attachmentKey = (stackId: string, reference: unknown) => `${stackId}:${String(reference).replace(/\.transit_gateway_attachment_id.*$/, '')}`;

  const associations = new Map(
    allResources(stacks, 'aws_ec2_transit_gateway_route_table_association').map(([stackId, , body]) => [
      attachmentKey(stackId, body.transit_gateway_attachment_id),
      segmentOf(body.transit_gateway_route_table_id),
    ]),
  );
  const propagations = allResources(stacks, 'aws_ec2_transit_gateway_route_table_propagation').map(([stackId, , body]) => ({
    attachment: attachmentKey(stackId, body.transit_gateway_attachment_id),
    segment: segmentOf(body.transit_gateway_route_table_id),
  }));
  /** Attachment A reaches B when A's route table has B's CIDR propagated into it. */
  const reaches = (from: string, to: string) =>
    propagations.some((propagation) => propagation.attachment === to && propagation.segment === associations.get(from));
  const attachmentOfStack = (stackId: string) => [...associations.keys()].find((key) => key.startsWith(`${stackId}:`))!;

  it('associates the gateway VPC with the gateway segment and every backend VPC with its own segment', () => {
    expect(associations.get(attachmentOfStack('prod-gateway'))).toBe('gateway');
    for (const spoke of ['prod-spoke-555566668888', 'prod-spoke-666677778888', 'prod-spoke-777766668888']) {
      expect(associations.get(attachmentOfStack(spoke))).toBe('backends');
    }
  });

  it('lets the gateway and every backend reach each other', () => {
    const gateway = attachmentOfStack('prod-gateway');
    for (const spoke of ['prod-spoke-555566668888', 'prod-spoke-666677778888']) {
      expect(reaches(gateway, attachmentOfStack(spoke))).toBe(true);
      expect(reaches(attachmentOfStack(spoke), gateway)).toBe(true);
    }
  });

  it('fails to route between two backend spokes', () => {
    const payments = attachmentOfStack('prod-spoke-555566668888');
    const ledger = attachmentOfStack('prod-spoke-666677778888');
    expect(reaches(payments, ledger)).toBe(false);
    expect(reaches(ledger, payments)).toBe(false);
  });
});
