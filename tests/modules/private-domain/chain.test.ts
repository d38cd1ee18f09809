import { exampleEnvironment } from '../../support/example-config';
import { synthEnvironment } from '../../support/environment-json';
import { onlyResourceEntry, type TerraformJson } from '../../support/synth-json';

/**
 * Acceptance 4 of issue 6, as synthesized: for the private service ledger in prod, follow the references from the
 * consumer's DNS record to the private API, across the three stacks, resolving every remote-state output to the
 * producer's resource. Each step fails with the address it could not follow.
 */

const stacks = synthEnvironment(exampleEnvironment('prod'));
const spoke = stacks.get('prod-spoke-777788889999')!; // retail-app
const gateway = stacks.get('prod-gateway')!;
const api = stacks.get('prod-api-ledger')!;

/** The address (`type.name[.attribute…]`) a `${…}` reference points at; a gateway output is followed to its value. */
function follow(value: unknown): string {
  const reference = /^\$\{(.+)\}$/.exec(String(value))?.[1];
  if (!reference) throw new Error(`not a reference: ${String(value)}`);
  const output = /^data\.terraform_remote_state\.cross-stack-reference-input-prod-gateway\.outputs\.(.+)$/.exec(reference)?.[1];
  return output ? follow(gateway.output![output]!.value) : reference;
}

function resource(json: TerraformJson, address: string): Record<string, unknown> {
  const [type, name] = address.split('.');
  const found = json.resource?.[type!]?.[name!];
  if (!found) throw new Error(`no resource ${type}.${name}`);
  return found;
}

const only = onlyResourceEntry;

describe('prod, ledger, retail-app: record → endpoint → association → share → domain → mapping → private API', () => {
  const [, record] = only(spoke, 'aws_route53_record', 'Zone-retail-app');
  const [, association] = only(spoke, 'aws_api_gateway_domain_name_access_association', 'Association-retail-app');
  const endpointAddress = follow((record.alias as { name: string }).name).replace(/\.dns_entry\[0\]\.dns_name$/, '');
  const domainAddress = follow(association.domain_name_arn).replace(/\.arn$/, '');

  it('the record in the consumer VPC zone aliases the consumer endpoint created in retail-app', () => {
    const [zoneAddress, zone] = only(spoke, 'aws_route53_zone', 'Zone-retail-app');
    expect(follow(record.zone_id)).toBe(`${zoneAddress}.zone_id`);
    expect(zone.vpc).toEqual([{ vpc_id: 'vpc-0a1b2c3d4e5f60010' }]);
    expect(resource(gateway, endpointAddress)).toMatchObject({
      provider: 'aws.retail_app',
      vpc_id: 'vpc-0a1b2c3d4e5f60010',
      service_name: 'com.amazonaws.ap-southeast-1.execute-api',
    });
  });

  it('the access association joins that endpoint and the private domain', () => {
    expect(follow(association.access_association_source)).toBe(`${endpointAddress}.id`);
    expect(resource(gateway, domainAddress)).toMatchObject({ domain_name: 'api.internal.example.com', endpoint_configuration: { types: ['PRIVATE'] } });
  });

  it('the domain is on the organization share, whose principal is retail-app', () => {
    const [shareAddress, share] = only(gateway, 'aws_ram_resource_share', 'PrivateDomain_Share_');
    expect(share.allow_external_principals).toBe(false);
    const [, domainOnShare] = only(gateway, 'aws_ram_resource_association', 'PrivateDomain_Share_Domain');
    expect(follow(domainOnShare.resource_share_arn)).toBe(`${shareAddress}.arn`);
    expect(follow(domainOnShare.resource_arn)).toBe(`${domainAddress}.arn`);
    const [, principal] = only(gateway, 'aws_ram_principal_association', 'PrivateDomain_Share_Principal-777788889999');
    expect(follow(principal.resource_share_arn)).toBe(`${shareAddress}.arn`);
  });

  it('the domain policy admits the endpoint', () => {
    const policyAddress = follow(resource(gateway, domainAddress).policy).replace(/\.json$/, '');
    const [, type, name] = /^data\.([^.]+)\.(.+)$/.exec(policyAddress)!;
    const allow = (gateway.data![type!]![name!]!.statement as { effect: string; condition: { values: string[] }[] }[]).find(
      (statement) => statement.effect === 'Allow',
    )!;
    expect(allow.condition[0]!.values.map(follow)).toContain(`${endpointAddress}.id`);
  });

  it('the mapping puts the ledger private API stage on that domain, whose policy admits the same endpoint', () => {
    const [, mapping] = only(api, 'aws_api_gateway_base_path_mapping', 'PrivateMapping');
    expect(follow(mapping.domain_name_id)).toBe(`${domainAddress}.domain_name_id`);
    expect(mapping.base_path).toBe('ledger');
    const restApiAddress = follow(mapping.api_id).replace(/\.id$/, '');
    const restApi = resource(api, restApiAddress);
    expect(restApi).toMatchObject({ name: 'prod-ledger', endpoint_configuration: { types: ['PRIVATE'] } });
    const [, type, name] = /^data\.([^.]+)\.(.+)\.json$/.exec(follow(restApi.policy))!;
    const allow = (api.data![type!]![name!]!.statement as { effect: string; condition: { values: string[] }[] }[]).find(
      (statement) => statement.effect === 'Allow',
    )!;
    expect(allow.condition[0]!.values.map(follow)).toEqual([`${endpointAddress}.id`]);
  });
});
