import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { ConsumerAccess } from '../../../modules/private-domain/consumer-access';
import { ConsumerEndpoint } from '../../../modules/private-domain/consumer-endpoint';
import { PrivateBasePathMapping } from '../../../modules/private-domain/base-path-mapping';
import { PrivateDomainName } from '../../../modules/private-domain/private-domain-name';
import type { PrivateDomainReference } from '../../../modules/private-domain/private-domain-reference';
import type { TerraformJson } from '../../support/synth-json';
/** Resources of a type in a Testing.synth result (which carries no metadata), ordered by their construct-derived names. */
function resources(json: TerraformJson, type: string): Map<string, Record<string, unknown>> {
  return new Map(Object.entries(json.resource?.[type] ?? {}).sort(([a], [b]) => a.localeCompare(b)));
}
function only(map: Map<string, Record<string, unknown>>, what: string): Record<string, unknown> {
  if (map.size !== 1) throw new Error(`expected one ${what}, found ${map.size}`);
  return [...map.values()][0]!;
}

/** The private-domain constructs one by one: what they create and what they refuse. */

function stack(): TerraformStack {
  const scope = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(scope, 'aws', { region: 'ap-southeast-1' });
  return scope;
}
const synth = (scope: TerraformStack): TerraformJson => JSON.parse(Testing.synth(scope)) as TerraformJson;

const SHARE_ARN = 'arn:aws:ram:ap-southeast-1:444455558888:resource-share/aaaaaaaa-0000-4000-8000-000000000001';
const reference = (options: { external: boolean }): PrivateDomainReference => ({
  domainName: 'api.internal.example.com',
  domainNameId: 'abc1234def',
  domainArn: 'arn:aws:apigateway:ap-southeast-1:444455558888:/domainnames/api.internal.example.com+abc1234def',
  endpoint: (consumer) => ({
    id: consumer === 'a' ? 'vpce-0aaaaaaaaaaaaaaaa' : 'vpce-0bbbbbbbbbbbbbbbb',
    dnsName: `vpce-${consumer}.execute-api.ap-southeast-1.vpce.amazonaws.com`,
    hostedZoneId: 'Z18EXAMPLE',
  }),
  endpointIdsFor: () => [],
  shareToAccept: () => (options.external ? SHARE_ARN : undefined),
});

describe('ConsumerAccess', () => {
  it('accepts the share once per account outside the organization, and every association waits for it', () => {
    const scope = stack();
    new ConsumerAccess(scope, 'Access', {
      domain: reference({ external: true }),
      accountId: '999988887777',
      consumers: [
        { name: 'a', vpcId: 'vpc-0aaaaaaaa' },
        { name: 'b', vpcId: 'vpc-0bbbbbbbb' },
      ],
    });
    const json = synth(scope);
    expect(only(resources(json, 'aws_ram_resource_share_accepter'), 'accepter')).toMatchObject({ share_arn: SHARE_ARN });
    const associations = [...resources(json, 'aws_api_gateway_domain_name_access_association').values()];
    expect(associations.map((association) => association.access_association_source)).toEqual(['vpce-0aaaaaaaaaaaaaaaa', 'vpce-0bbbbbbbbbbbbbbbb']);
    for (const association of associations) expect(association.depends_on).toEqual([expect.stringMatching(/^aws_ram_resource_share_accepter\./)]);
  });

  it('creates no accepter inside the organization', () => {
    const scope = stack();
    new ConsumerAccess(scope, 'Access', {
      domain: reference({ external: false }),
      accountId: '777788889999',
      consumers: [{ name: 'a', vpcId: 'vpc-0aaaaaaaa' }],
    });
    const json = synth(scope);
    expect(json.resource?.aws_ram_resource_share_accepter).toBeUndefined();
    expect(only(resources(json, 'aws_api_gateway_domain_name_access_association'), 'association')).not.toHaveProperty('depends_on');
  });

  it('gives each consumer VPC its own zone pointing at its own endpoint', () => {
    const scope = stack();
    new ConsumerAccess(scope, 'Access', {
      domain: reference({ external: false }),
      accountId: '777788889999',
      consumers: [
        { name: 'b', vpcId: 'vpc-0bbbbbbbb' },
        { name: 'a', vpcId: 'vpc-0aaaaaaaa' },
      ],
    });
    const json = synth(scope);
    expect([...resources(json, 'aws_route53_zone').values()].map((zone) => zone.vpc)).toEqual([[{ vpc_id: 'vpc-0aaaaaaaa' }], [{ vpc_id: 'vpc-0bbbbbbbb' }]]);
    expect([...resources(json, 'aws_route53_record').values()].map((record) => (record.alias as { name: string }).name)).toEqual([
      'vpce-a.execute-api.ap-southeast-1.vpce.amazonaws.com',
      'vpce-b.execute-api.ap-southeast-1.vpce.amazonaws.com',
    ]);
  });
});

describe('PrivateBasePathMapping', () => {
  const domain = { domainName: 'api.internal.example.com', domainNameId: 'abc1234def' };

  it('names the domain by domain_name_id', () => {
    const scope = stack();
    new PrivateBasePathMapping(scope, 'Mapping', { domain, restApiId: 'a1b2c3d4e5', stageName: 'prod', basePath: 'ledger' });
    expect(only(resources(synth(scope), 'aws_api_gateway_base_path_mapping'), 'mapping')).toMatchObject({
      domain_name: 'api.internal.example.com',
      domain_name_id: 'abc1234def',
      base_path: 'ledger',
    });
  });

  it.each(['v1/ledger', 'Ledger', ''])('fails when the base path is %j', (basePath) => {
    expect(() => new PrivateBasePathMapping(stack(), 'Mapping', { domain, restApiId: 'a1b2c3d4e5', stageName: 'prod', basePath })).toThrow(
      /basePath must match \^\[a-z0-9-\]\+\$ \(one segment/,
    );
  });
});

describe('ConsumerEndpoint', () => {
  const vpc = { id: 'vpc-0aaaaaaaa', cidr: '10.40.0.0/16', subnetIds: ['subnet-0aaaaaaaa', 'subnet-0bbbbbbbb'] };

  it.each([
    ['one subnet', { ...vpc, subnetIds: ['subnet-0aaaaaaaa'] }, 'at least two availability zones, got 1'],
    ['a subnet twice', { ...vpc, subnetIds: ['subnet-0aaaaaaaa', 'subnet-0aaaaaaaa'] }, 'lists a subnet twice'],
    ['the whole internet as source', { ...vpc, cidr: '0.0.0.0/0' }, 'not 0.0.0.0/0'],
  ])('fails with %s', (_name, bad, message) => {
    expect(() => new ConsumerEndpoint(stack(), 'Endpoint', { environment: 'prod', region: 'ap-southeast-1', consumer: 'retail-app', vpc: bad })).toThrow(
      message,
    );
  });
});

describe('PrivateDomainName', () => {
  it('fails with an endpoint id that is not one', () => {
    expect(
      () =>
        new PrivateDomainName(stack(), 'Domain', {
          domainName: 'api.internal.example.com',
          certificateArn: 'arn:aws:acm:ap-southeast-1:444455558888:certificate/1',
          allowedVpcEndpointIds: ['vpc-0aaaaaaaa'],
        }),
    ).toThrow('allowedVpcEndpointIds must be VPC endpoint ids');
  });

  it('fails with a domain name that is not a DNS name', () => {
    expect(
      () =>
        new PrivateDomainName(stack(), 'Domain', {
          domainName: 'API.internal',
          certificateArn: 'arn:aws:acm:ap-southeast-1:444455558888:certificate/1',
          allowedVpcEndpointIds: [],
        }),
    ).toThrow('domainName must be a lowercase DNS name');
  });
});
