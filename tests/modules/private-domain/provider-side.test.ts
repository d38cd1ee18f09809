import { exampleEnvironment } from '../../support/example-config';
import { synthEnvironment } from '../../support/environment-json';
import { NO_CONSUMER_ENDPOINT } from '../../../modules/private-domain/domain-policy';
import { privateDomainShareNames } from '../../../lib/onboarding/status/share-names';
import { byPath, dataByPath, only, referenceTo, withAccountInOrganization } from './support';

/** `<env>-gateway`: the consumers' endpoints, the private custom domain admitting them, and its RAM shares. */

const prod = exampleEnvironment('prod');
const gateway = synthEnvironment(prod).get('prod-gateway')!;
const RETAIL_ENDPOINT = 'prod-gateway/PrivateDomain/Endpoint-retail-app/Resource';
const PARTNER_ENDPOINT = 'prod-gateway/PrivateDomain/Endpoint-partner-hub/Resource';

describe('private custom domain', () => {
  const domain = byPath(gateway, 'aws_api_gateway_domain_name').get('prod-gateway/PrivateDomain/Domain/Resource')!;

  it('is PRIVATE, TLS_1_2, on the private name, with the validated ACM certificate', () => {
    expect(domain).toMatchObject({ domain_name: 'api.internal.example.com', security_policy: 'TLS_1_2', endpoint_configuration: { types: ['PRIVATE'] } });
    expect(domain.certificate_arn).toMatch(/^\$\{aws_acm_certificate_validation\..+\.certificate_arn\}$/);
    const certificate = only(
      new Map([...byPath(gateway, 'aws_acm_certificate')].filter(([path]) => path.startsWith('prod-gateway/PrivateDomain/'))),
      'certificate',
    );
    expect(certificate).toMatchObject({ domain_name: 'api.internal.example.com', validation_method: 'DNS' });
  });

  it('has a policy that allows exactly the declared consumer endpoints and denies every other source', () => {
    const policy = dataByPath(gateway, 'aws_iam_policy_document').get('prod-gateway/PrivateDomain/Domain/Policy/Resource')!;
    expect(domain.policy).toMatch(/^\$\{data\.aws_iam_policy_document\..+\.json\}$/);
    const declared = [referenceTo(gateway, 'aws_vpc_endpoint', PARTNER_ENDPOINT, 'id'), referenceTo(gateway, 'aws_vpc_endpoint', RETAIL_ENDPOINT, 'id')];
    expect(policy.statement).toEqual([
      expect.objectContaining({
        effect: 'Allow',
        actions: ['execute-api:Invoke'],
        condition: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: declared }],
      }),
      expect.objectContaining({
        effect: 'Deny',
        actions: ['execute-api:Invoke'],
        condition: [{ test: 'StringNotEquals', variable: 'aws:SourceVpce', values: declared }],
      }),
    ]);
  });

  it('admits nobody when no consumer is declared', () => {
    const lonely = synthEnvironment({
      ...prod,
      consumers: {},
      privateDomain: { ...prod.privateDomain, servicesWithoutConsumers: { ledger: 'x'.repeat(20), customers: 'x'.repeat(20) } },
    }).get('prod-gateway')!;
    const policy = dataByPath(lonely, 'aws_iam_policy_document').get('prod-gateway/PrivateDomain/Domain/Policy/Resource')!;
    for (const statement of policy.statement as { condition: { values: string[] }[] }[]) expect(statement.condition[0]!.values).toEqual([NO_CONSUMER_ENDPOINT]);
    expect(lonely.resource?.aws_ram_resource_share ?? {}).toEqual({});
    expect(Object.keys(lonely.resource?.aws_lambda_function ?? {}).some((name) => name.includes('RamShareAuditor'))).toBe(false);
  });

  it('serves a configured certificate instead of requesting one', () => {
    const certificateArn = 'arn:aws:acm:ap-southeast-1:444455558888:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const own = synthEnvironment({ ...prod, privateDomain: { ...prod.privateDomain, certificateArn } }).get('prod-gateway')!;
    expect(byPath(own, 'aws_api_gateway_domain_name').get('prod-gateway/PrivateDomain/Domain/Resource')!.certificate_arn).toBe(certificateArn);
    expect([...byPath(own, 'aws_acm_certificate').keys()].filter((path) => path.startsWith('prod-gateway/PrivateDomain/'))).toEqual([]);
  });
});

describe('consumer endpoints', () => {
  const endpoints = byPath(gateway, 'aws_vpc_endpoint');

  it('creates one execute-api interface endpoint per consumer VPC, in the consumer account, on its subnets', () => {
    expect(endpoints.get(RETAIL_ENDPOINT)).toMatchObject({
      provider: 'aws.retail_app',
      vpc_id: 'vpc-0a1b2c3d4e5f60010',
      service_name: 'com.amazonaws.ap-southeast-1.execute-api',
      vpc_endpoint_type: 'Interface',
      subnet_ids: ['subnet-0a401000000000001', 'subnet-0a402000000000002', 'subnet-0a403000000000003'],
      private_dns_enabled: false,
    });
    expect(endpoints.get(PARTNER_ENDPOINT)).toMatchObject({ provider: 'aws.partner_hub', vpc_id: 'vpc-0a1b2c3d4e5f60011' });
    const retailProvider = gateway.provider!.aws!.find((provider) => provider.alias === 'retail_app')!;
    expect(retailProvider.allowed_account_ids).toEqual(['777788889999']);
  });

  it('admits 443 from the consumer VPC CIDR only and opens no egress', () => {
    const rules = byPath(gateway, 'aws_vpc_security_group_ingress_rule');
    const retail = rules.get('prod-gateway/PrivateDomain/Endpoint-retail-app/HttpsFromVpc');
    expect(retail).toMatchObject({ provider: 'aws.retail_app', cidr_ipv4: '10.40.0.0/16', ip_protocol: 'tcp', from_port: 443, to_port: 443 });
    const endpointRules = [...rules.keys()].filter((path) => path.startsWith('prod-gateway/PrivateDomain/'));
    expect(endpointRules.sort()).toEqual([
      'prod-gateway/PrivateDomain/Endpoint-partner-hub/HttpsFromVpc',
      'prod-gateway/PrivateDomain/Endpoint-retail-app/HttpsFromVpc',
    ]);
    expect([...byPath(gateway, 'aws_vpc_security_group_egress_rule').keys()].filter((path) => path.startsWith('prod-gateway/PrivateDomain/'))).toEqual([]);
    expect(byPath(gateway, 'aws_security_group').get('prod-gateway/PrivateDomain/Endpoint-retail-app/SecurityGroup')).not.toHaveProperty('egress');
  });

  it('turns private DNS on when the consumer asks for it', () => {
    const consumer = prod.consumers['retail-app']!;
    const dns = synthEnvironment({ ...prod, consumers: { ...prod.consumers, 'retail-app': { ...consumer, endpoint: { privateDns: true } } } }).get(
      'prod-gateway',
    )!;
    expect(byPath(dns, 'aws_vpc_endpoint').get(RETAIL_ENDPOINT)).toMatchObject({ private_dns_enabled: true });
  });
});

describe('RAM shares of the domain', () => {
  const shares = byPath(gateway, 'aws_ram_resource_share');
  const principals = byPath(gateway, 'aws_ram_principal_association');
  const domainArn = referenceTo(gateway, 'aws_api_gateway_domain_name', 'prod-gateway/PrivateDomain/Domain/Resource', 'arn');

  it('shares the domain with the organization consumers without external principals, one association per account', () => {
    expect(shares.get('prod-gateway/PrivateDomain/Share/Resource')).toMatchObject({ name: 'prod-private-domain', allow_external_principals: false });
    const share = referenceTo(gateway, 'aws_ram_resource_share', 'prod-gateway/PrivateDomain/Share/Resource', 'arn');
    expect(byPath(gateway, 'aws_ram_resource_association').get('prod-gateway/PrivateDomain/Share/Domain')).toMatchObject({
      resource_share_arn: share,
      resource_arn: domainArn,
    });
    const onShare = [...principals.values()].filter((association) => association.resource_share_arn === share).map((association) => association.principal);
    expect(onShare).toEqual(['777788889999']);
  });

  it('puts an account outside the organization on a separate share, alone', () => {
    expect(shares.get('prod-gateway/PrivateDomain/ExternalShare/Resource')).toMatchObject({
      name: 'prod-private-domain-external',
      allow_external_principals: true,
    });
    const share = referenceTo(gateway, 'aws_ram_resource_share', 'prod-gateway/PrivateDomain/ExternalShare/Resource', 'arn');
    expect([...principals.values()].filter((association) => association.resource_share_arn === share).map((association) => association.principal)).toEqual([
      '999988887777',
    ]);
  });

  it('uses the share names the onboarding status command looks up', () => {
    const names = privateDomainShareNames('prod');
    expect(
      [...shares.entries()]
        .filter(([path]) => path.startsWith('prod-gateway/PrivateDomain/'))
        .map(([, share]) => share.name)
        .sort(),
    ).toEqual([names.organization, names.external].sort());
  });

  it('creates no external share when every consumer is in the organization', () => {
    const inside = synthEnvironment(withAccountInOrganization(prod, 'partner-hub', true)).get('prod-gateway')!;
    const all = [...byPath(inside, 'aws_ram_resource_share').entries()].filter(([path]) => path.startsWith('prod-gateway/PrivateDomain/'));
    expect(all.map(([, share]) => share)).toEqual([expect.objectContaining({ name: 'prod-private-domain', allow_external_principals: false })]);
    expect(
      [...byPath(inside, 'aws_ram_principal_association').entries()]
        .filter(([path]) => path.startsWith('prod-gateway/PrivateDomain/'))
        .map(([, association]) => association.principal)
        .sort(),
    ).toEqual(['777788889999', '999988887777']);
  });
});
