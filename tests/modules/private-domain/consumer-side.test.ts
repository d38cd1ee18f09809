import { App } from 'cdktf';
import { exampleConfig, exampleEnvironment } from '../../support/example-config';
import { synthEnvironment } from '../../support/environment-json';
import { buildEnvironmentStacks } from '../../../stacks/environment-stacks';
import { byPath, only, withAccountInOrganization } from './support';

/** `<env>-spoke-<account>` of a consumer: share acceptance (outside the organization), access association, private zone. */

const prod = exampleEnvironment('prod');
const stacks = synthEnvironment(prod);
const retail = stacks.get('prod-spoke-777788889999')!;
const partner = stacks.get('prod-spoke-999988887777')!;
const fromGateway = (output: RegExp) =>
  expect.stringMatching(
    new RegExp(`^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-prod-gateway\\.outputs\\.cross-stack-output-${output.source}\\}$`),
  );

describe('RAM share acceptance', () => {
  it('accepts the external share in an account outside the organization', () => {
    const accepter = only(byPath(partner, 'aws_ram_resource_share_accepter'), 'accepter');
    expect(accepter.share_arn).toEqual(fromGateway(/aws_ram_resource_sharePrivateDomain_ExternalShare_\w+arn/));
  });

  it('accepts nothing inside the organization, where RAM accepts by itself', () => {
    expect(retail.resource?.aws_ram_resource_share_accepter).toBeUndefined();
    const inside = synthEnvironment(withAccountInOrganization(prod, 'partner-hub', true)).get('prod-spoke-999988887777')!;
    expect(inside.resource?.aws_ram_resource_share_accepter).toBeUndefined();
    expect(inside.resource?.aws_api_gateway_domain_name_access_association).toBeDefined();
  });

  it('keeps backend-only accounts free of consumer resources', () => {
    const payments = stacks.get('prod-spoke-555566668888')!;
    for (const type of ['aws_ram_resource_share_accepter', 'aws_api_gateway_domain_name_access_association', 'aws_route53_zone'])
      expect(payments.resource?.[type]).toBeUndefined();
  });
});

describe('domain-name access association', () => {
  it("associates the consumer's own endpoint with the shared domain ARN", () => {
    const association = only(byPath(retail, 'aws_api_gateway_domain_name_access_association'), 'association');
    expect(association).toMatchObject({
      access_association_source_type: 'VPCE',
      access_association_source: fromGateway(/aws_vpc_endpointPrivateDomain_Endpoint-retail-app_\w+id/),
      domain_name_arn: fromGateway(/aws_api_gateway_domain_namePrivateDomain_\w+arn/),
    });
    expect(association).not.toHaveProperty('provider');
  });

  it('waits for the share acceptance outside the organization', () => {
    const association = only(byPath(partner, 'aws_api_gateway_domain_name_access_association'), 'association');
    expect(association.access_association_source).toEqual(fromGateway(/aws_vpc_endpointPrivateDomain_Endpoint-partner-hub_\w+id/));
    expect(association.depends_on).toEqual([expect.stringMatching(/^aws_ram_resource_share_accepter\./)]);
  });
});

describe('private hosted zone', () => {
  it('is the domain, associated with the consumer VPC only, with an alias record to the consumer endpoint', () => {
    const zone = only(byPath(retail, 'aws_route53_zone'), 'zone');
    expect(zone).toMatchObject({ name: 'api.internal.example.com', vpc: [{ vpc_id: 'vpc-0a1b2c3d4e5f60010' }] });
    const record = only(byPath(retail, 'aws_route53_record'), 'record');
    expect(record).toMatchObject({
      name: 'api.internal.example.com',
      type: 'A',
      alias: {
        name: fromGateway(/aws_vpc_endpointPrivateDomain_Endpoint-retail-app_\w+dns_entry0dns_name/),
        zone_id: fromGateway(/aws_vpc_endpointPrivateDomain_Endpoint-retail-app_\w+dns_entry0hosted_zone_id/),
        evaluate_target_health: false,
      },
    });
    expect(record.zone_id).toMatch(/^\$\{aws_route53_zone\..+\.zone_id\}$/);
  });
});

describe('offline plans', () => {
  const offline = synthEnvironment(prod, { offline: true });

  it('read the gateway through placeholders of the right shape, without remote state', () => {
    const spoke = offline.get('prod-spoke-999988887777')!;
    expect(spoke.data?.terraform_remote_state).toBeUndefined();
    const association = only(byPath(spoke, 'aws_api_gateway_domain_name_access_association'), 'association');
    expect(association.access_association_source).toMatch(/^vpce-[0-9a-f]{17}$/);
    expect(association.domain_name_arn).toMatch(/^arn:aws:apigateway:ap-southeast-1:444455558888:\/domainnames\/api\.internal\.example\.com\+[0-9a-z]{10}$/);
    expect(only(byPath(spoke, 'aws_ram_resource_share_accepter'), 'accepter').share_arn).toMatch(
      /^arn:aws:ram:ap-southeast-1:444455558888:resource-share\/[0-9a-f-]{36}$/,
    );
    const record = only(byPath(spoke, 'aws_route53_record'), 'record');
    expect((record.alias as { name: string }).name).toMatch(
      new RegExp(`^${association.access_association_source as string}-[0-9a-z]{8}\\.execute-api\\.ap-southeast-1\\.vpce\\.amazonaws\\.com$`),
    );
    expect((record.alias as { zone_id: string }).zone_id).toMatch(/^Z[0-9A-Z]{10}$/);
  });

  it('give the API stack the same endpoint and domain placeholders as the spoke', () => {
    const spoke = offline.get('prod-spoke-777788889999')!;
    const api = offline.get('prod-api-ledger')!;
    const endpoint = only(byPath(spoke, 'aws_api_gateway_domain_name_access_association'), 'association').access_association_source;
    const policy = Object.values(api.data!.aws_iam_policy_document!).find((document) => JSON.stringify(document).includes('aws:SourceVpce'))!;
    expect((policy.statement as { condition: { values: string[] }[] }[])[0]!.condition[0]!.values).toEqual([endpoint]);
    const domainId = only(byPath(spoke, 'aws_api_gateway_domain_name_access_association'), 'association').domain_name_arn as string;
    expect(domainId.endsWith(`+${only(byPath(api, 'aws_api_gateway_base_path_mapping'), 'mapping').domain_name_id as string}`)).toBe(true);
  });
});

describe('deploy order', () => {
  it('applies the share (gateway) before the association (spoke) and destroys in reverse, by stack dependency', () => {
    const built = buildEnvironmentStacks(new App(), exampleConfig(), prod);
    const byId = new Map(built.map((stack) => [stack.stackId, stack]));
    for (const consumerStack of ['prod-spoke-777788889999', 'prod-spoke-999988887777']) {
      expect(byId.get(consumerStack)!.dependencies.map((dependency) => dependency.node.id)).toContain('prod-gateway');
    }
    expect(byId.get('prod-api-ledger')!.dependencies.map((dependency) => dependency.node.id)).toContain('prod-gateway');
  });
});
