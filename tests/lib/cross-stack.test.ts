import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { crossStackValue, placeholderArn, placeholderId } from '../../lib/cross-stack';
import { isOfflineSynthesis, OFFLINE_CONTEXT_KEY } from '../../lib/synthesis-mode';

interface StackJson {
  data?: Record<string, unknown>;
  output?: Record<string, unknown>;
  resource: { aws_ec2_transit_gateway_vpc_attachment: Record<string, { transit_gateway_id: string }> };
}

/** A producer (TGW) and a consumer (attachment) in one app, synthesized; returns the consumer's JSON. */
function synthConsumer(app: App): { consumer: StackJson; producer: StackJson } {
  const producer = new TerraformStack(app, 'producer');
  new AwsProvider(producer, 'aws', { region: 'ap-southeast-1' });
  const transitGateway = new Ec2TransitGateway(producer, 'tgw', {});
  const consumer = new TerraformStack(app, 'consumer');
  new AwsProvider(consumer, 'aws', { region: 'ap-southeast-1' });
  new Ec2TransitGatewayVpcAttachment(consumer, 'attachment', {
    transitGatewayId: crossStackValue(consumer, transitGateway.id, placeholderId('tgw', 'producer/tgw')),
    vpcId: 'vpc-0c1b2c3d4e5f60001',
    subnetIds: ['subnet-0c1b2c3d4e5f60001'],
  });
  app.synth();
  const read = (id: string): StackJson => JSON.parse(readFileSync(path.join(app.outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')) as StackJson;
  return { consumer: read('consumer'), producer: read('producer') };
}

describe('crossStackValue', () => {
  it('keeps the producer token in deploy mode, so cdktf wires remote state and a producer output', () => {
    const { consumer, producer } = synthConsumer(Testing.app());
    expect(Object.keys(consumer.data ?? {})).toContain('terraform_remote_state');
    expect(consumer.resource.aws_ec2_transit_gateway_vpc_attachment.attachment.transit_gateway_id).toMatch(/terraform_remote_state/);
    expect(Object.keys(producer.output ?? {})).toHaveLength(1);
  });

  it('writes the placeholder in offline mode and creates no remote state', () => {
    const { consumer, producer } = synthConsumer(Testing.app({ context: { [OFFLINE_CONTEXT_KEY]: true } }));
    expect(consumer.data?.terraform_remote_state).toBeUndefined();
    expect(consumer.resource.aws_ec2_transit_gateway_vpc_attachment.attachment.transit_gateway_id).toBe(placeholderId('tgw', 'producer/tgw'));
    expect(producer.output).toBeUndefined();
  });

  it('fails when the placeholder is itself a token', () => {
    const app = Testing.app();
    const producer = new TerraformStack(app, 'producer');
    new AwsProvider(producer, 'aws', { region: 'ap-southeast-1' });
    const transitGateway = new Ec2TransitGateway(producer, 'tgw', {});
    const consumer = new TerraformStack(app, 'consumer');
    expect(() => crossStackValue(consumer, transitGateway.id, transitGateway.id)).toThrow(/consumer: offlinePlaceholder must be a literal/);
    expect(() => crossStackValue(consumer, [transitGateway.id], [transitGateway.arn])).toThrow(/must be a literal/);
  });
});

describe('isOfflineSynthesis', () => {
  it('is false unless the app context sets the offline key to true', () => {
    expect(isOfflineSynthesis(new TerraformStack(Testing.app(), 's'))).toBe(false);
    expect(isOfflineSynthesis(new TerraformStack(Testing.app({ context: { [OFFLINE_CONTEXT_KEY]: 'yes' } }), 's'))).toBe(false);
    expect(isOfflineSynthesis(new TerraformStack(Testing.app({ context: { [OFFLINE_CONTEXT_KEY]: true } }), 's'))).toBe(true);
  });
});

describe('placeholders', () => {
  it('derives EC2-style ids deterministically from the seed', () => {
    expect(placeholderId('tgw', 'dev-network/tgw')).toMatch(/^tgw-[0-9a-f]{17}$/);
    expect(placeholderId('tgw', 'dev-network/tgw')).toBe(placeholderId('tgw', 'dev-network/tgw'));
    expect(placeholderId('tgw', 'dev-network/tgw')).not.toBe(placeholderId('tgw', 'prod-network/tgw'));
  });

  it('derives API Gateway-style ids without a prefix', () => {
    expect(placeholderId(undefined, 'dev-gateway/vpc-link/payments')).toMatch(/^[0-9a-z]{10}$/);
  });

  it('builds ARNs in the partition of the region', () => {
    expect(placeholderArn({ service: 'ec2', region: 'ap-southeast-1', accountId: '333344446666', resource: 'transit-gateway/tgw-1' })).toBe(
      'arn:aws:ec2:ap-southeast-1:333344446666:transit-gateway/tgw-1',
    );
    expect(placeholderArn({ service: 'ec2', region: 'cn-north-1', accountId: '333344446666', resource: 'x' })).toMatch(/^arn:aws-cn:ec2:cn-north-1:/);
    expect(placeholderArn({ service: 'iam', region: '', accountId: '333344446666', resource: 'role/r' })).toBe('arn:aws:iam::333344446666:role/r');
  });
});
