import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { describeBadInput, describeEntryPointRejects, remove, set, write, type BadInputCase } from '../support/bad-input';
import { editYaml } from '../support/example-config';

/**
 * Every bad input a user can plausibly write: synth must exit non-zero, name the file and the path inside
 * it, and leave the previous output exactly as it was. Each case runs what the entry point runs, in-process; one
 * case also runs through the entry point's own process (tsx main.ts).
 */
const PROD = 'environments/prod.yaml';
const DEV = 'environments/dev.yaml';

const CASES: BadInputCase[] = [
  {
    name: 'malformed YAML (bad indentation)',
    mutate: write(DEV, 'name: dev\n  region: ap-southeast-1\n'),
    file: `${DEV}:1:7`,
    path: '(file)',
    says: 'invalid YAML',
  },
  { name: 'duplicate key', mutate: write(DEV, 'name: dev\nname: dev\n'), file: `${DEV}:2`, path: '(file)', says: 'invalid YAML' },
  { name: 'a list instead of a mapping', mutate: write(DEV, '- name: dev\n'), file: DEV, path: '(file)', says: 'must contain a YAML mapping' },
  { name: 'wrong type (region is a number)', mutate: set(PROD, ['region'], 42), file: PROD, path: 'region', says: 'number 42' },
  { name: 'unknown top-level key', mutate: set(PROD, ['regoin'], 'ap-southeast-1'), file: PROD, path: 'regoin', says: 'unknown key "regoin"' },
  {
    name: 'unknown nested key',
    mutate: set(PROD, ['accounts', 'payments', 'accountId'], '555566668888'),
    file: PROD,
    path: 'accounts.payments.accountId',
    says: 'unknown key',
  },
  {
    name: '11-digit account id',
    mutate: set(PROD, ['accounts', 'payments', 'id'], '55556666888'),
    file: PROD,
    path: 'accounts.payments.id',
    says: 'exactly 12 digits, got "55556666888"',
  },
  { name: 'unquoted account id', mutate: set(PROD, ['accounts', 'ledger', 'id'], 666677778888), file: PROD, path: 'accounts.ledger.id', says: 'quoted string' },
  {
    name: 'duplicate account id',
    mutate: set(PROD, ['accounts', 'ledger', 'id'], '555566668888'),
    file: PROD,
    path: 'accounts.ledger.id',
    says: 'already declared as "payments"',
  },
  { name: 'unknown region', mutate: set(PROD, ['region'], 'ap-southeast-9'), file: PROD, path: 'region', says: '"ap-southeast-9" is not an allowed value' },
  {
    name: 'unknown state backend region',
    mutate: set(DEV, ['stateBackend', 'region'], 'asia-southeast1'),
    file: DEV,
    path: 'stateBackend.region',
    says: 'not an allowed value',
  },
  {
    name: 'role points at an undeclared account',
    mutate: set(PROD, ['roles', 'gateway'], 'gateway-prod'),
    file: PROD,
    path: 'roles.gateway',
    says: 'account "gateway-prod" is not declared',
  },
  {
    name: 'spoke in an undeclared account',
    mutate: set(PROD, ['network', 'spokes', 0, 'account'], 'cards'),
    file: PROD,
    path: 'network.spokes[0].account',
    says: 'account "cards" is not declared',
  },
  {
    name: 'backend in an undeclared account',
    mutate: set(DEV, ['services', 'payments', 'backend', 'account'], 'payment'),
    file: DEV,
    path: 'services.payments.backend.account',
    says: 'account "payment" is not declared',
  },
  {
    name: 'CIDR that is not a CIDR',
    mutate: set(PROD, ['network', 'gatewayVpc', 'cidr'], '10.10.0.0/33'),
    file: PROD,
    path: 'network.gatewayVpc.cidr',
    says: 'not an IPv4 CIDR',
  },
  {
    name: 'CIDR with host bits',
    mutate: set(PROD, ['network', 'spokes', 1, 'vpc', 'cidr'], '10.21.3.0/16'),
    file: PROD,
    path: 'network.spokes[1].vpc.cidr',
    says: 'did you mean 10.21.0.0/16',
  },
  {
    name: 'spoke overlapping the gateway VPC',
    mutate: set(PROD, ['network', 'spokes', 0, 'vpc', 'cidr'], '10.10.8.0/21'),
    file: PROD,
    path: 'network.spokes[0].vpc.cidr',
    says: 'overlaps 10.10.0.0/20 at network.gatewayVpc.cidr',
  },
  {
    name: 'consumer overlapping a spoke',
    mutate: set(DEV, ['consumers', 'retail-app', 'vpc', 'cidr'], '10.102.128.0/17'),
    file: DEV,
    path: 'consumers.retail-app.vpc.cidr',
    says: 'overlaps 10.102.0.0/16',
  },
  {
    name: 'duplicate base path on the private domain',
    mutate: set('services/ledger/service.yaml', ['basePath'], 'customers'),
    file: 'services/customers/service.yaml',
    path: 'basePath',
    says: 'already used by service "ledger"',
  },
  {
    name: 'base path with an empty segment',
    mutate: set('services/payments/service.yaml', ['basePath'], 'V1//pay'),
    file: 'services/payments/service.yaml',
    path: 'basePath',
    says: 'got "V1//pay"',
  },
  {
    name: 'enabled service without a backend',
    mutate: remove(DEV, ['services', 'ledger', 'backend']),
    file: DEV,
    path: 'services.ledger',
    says: 'enabled but has no backend for dev',
  },
  {
    name: 'environment enables a service that does not exist',
    mutate: set(PROD, ['services', 'cards', 'backend'], { account: 'payments', addresses: ['10.20.1.99'] }),
    file: PROD,
    path: 'services.cards',
    says: 'service "cards" does not exist',
  },
  {
    name: 'consumer granted an unknown service',
    mutate: set(PROD, ['consumers', 'retail-app', 'services', 1], 'loans'),
    file: PROD,
    path: 'consumers.retail-app.services[1]',
    says: 'service "loans" does not exist',
  },
  {
    name: 'consumer granted a public-only service',
    mutate: set(PROD, ['consumers', 'partner-hub', 'services', 0], 'payments'),
    file: PROD,
    path: 'consumers.partner-hub.services[0]',
    says: 'is public',
  },
  { name: 'environment name differs from its file', mutate: set(DEV, ['name'], 'develop'), file: DEV, path: 'name', says: 'differs from the file name' },
  {
    name: 'service name differs from its folder',
    mutate: set('services/ledger/service.yaml', ['name'], 'ledgers'),
    file: 'services/ledger/service.yaml',
    path: 'name',
    says: 'differs from the folder name',
  },
  {
    name: 'unknown visibility',
    mutate: set('services/customers/service.yaml', ['visibility'], 'internal'),
    file: 'services/customers/service.yaml',
    path: 'visibility',
    says: 'use one of: public, private, both',
  },
  { name: 'missing required field', mutate: remove(PROD, ['owner']), file: PROD, path: 'owner', says: 'required string is missing' },
  {
    name: 'backend port out of range',
    mutate: set('services/payments/service.yaml', ['backend', 'port'], 70000),
    file: 'services/payments/service.yaml',
    path: 'backend.port',
    says: '65535',
  },
  {
    name: 'owner e-mail that is not an e-mail',
    mutate: set('services/ledger/service.yaml', ['owner', 'email'], 'ledger-team'),
    file: 'services/ledger/service.yaml',
    path: 'owner.email',
    says: 'not an e-mail address',
  },
  {
    name: 'Transit Gateway ASN outside the private range',
    mutate: set(PROD, ['network', 'transitGateway', 'amazonSideAsn'], 7224),
    file: PROD,
    path: 'network.transitGateway.amazonSideAsn',
    says: 'private ASN',
  },
  {
    name: 'Swagger 2.0 document',
    mutate: write('services/payments/openapi.yaml', 'swagger: "2.0"\ninfo: { title: Payments, version: "1" }\npaths: {}\n'),
    file: 'services/payments/openapi.yaml',
    path: 'openapi',
    says: 'Swagger 2.0 is not supported',
  },
  {
    name: 'missing openapi.yaml',
    mutate: (dir) => rmSync(path.join(dir, 'services/ledger/openapi.yaml')),
    file: 'services/ledger/openapi.yaml',
    path: '(file)',
    says: 'file not found',
  },
  {
    name: 'environment file with the wrong extension',
    mutate: write('environments/qa.yml', 'name: qa\n'),
    file: 'environments/qa.yml',
    path: '(file)',
    says: 'must end in .yaml',
  },
  // Network (issue 3)
  {
    name: 'segments without the gateway segment',
    mutate: set(PROD, ['network', 'transitGateway', 'segments'], ['core', 'backends']),
    file: PROD,
    path: 'network.transitGateway.segments',
    says: 'lack "gateway"',
  },
  {
    name: 'spoke in an unknown segment',
    mutate: set(PROD, ['network', 'spokes', 1, 'segment'], 'cards'),
    file: PROD,
    path: 'network.spokes[1].segment',
    says: 'segment "cards" is not a Transit Gateway route table',
  },
  {
    name: 'spoke in the gateway segment',
    mutate: set(PROD, ['network', 'spokes', 0, 'segment'], 'gateway'),
    file: PROD,
    path: 'network.spokes[0].segment',
    says: 'cannot join the "gateway" segment',
  },
  {
    name: 'spoke account outside the organization',
    mutate: set(PROD, ['accounts', 'ledger', 'inOrganization'], false),
    file: PROD,
    path: 'network.spokes[1].account',
    says: 'outside the organization',
  },
  {
    name: 'existing spoke VPC without subnets',
    mutate: remove(PROD, ['network', 'spokes', 2, 'vpc', 'subnetIds']),
    file: PROD,
    path: 'network.spokes[2].vpc.subnetIds',
    says: 'required to attach an existing VPC',
  },
  {
    name: 'created spoke VPC with an existing VPC id',
    mutate: set('environments/staging.yaml', ['network', 'spokes', 2, 'vpc', 'id'], 'vpc-0b1b2c3d4e5f60003'),
    file: 'environments/staging.yaml',
    path: 'network.spokes[2].vpc.id',
    says: 'but create is true',
  },
  {
    name: 'malformed subnet id',
    mutate: set(PROD, ['network', 'spokes', 0, 'vpc', 'subnetIds', 1], 'subnet-xyz'),
    file: PROD,
    path: 'network.spokes[0].vpc.subnetIds[1]',
    says: 'must be a subnet id',
  },
  {
    name: 'backend address outside its spoke VPC',
    mutate: set(PROD, ['services', 'payments', 'backend', 'addresses', 1], '10.99.2.10'),
    file: PROD,
    path: 'services.payments.backend.addresses[1]',
    says: '10.99.2.10 is outside the spoke VPC of account "payments" (10.20.0.0/16)',
  },
  {
    name: 'backend in an account without a spoke VPC',
    mutate: set(PROD, ['services', 'ledger', 'backend', 'account'], 'retail-app'),
    file: PROD,
    path: 'services.ledger.backend.account',
    says: 'has no spoke VPC',
  },
  {
    name: 'more services than the VPC link quota',
    mutate: set(PROD, ['network', 'privateIntegrations', 'quotas'], { vpcLinksPerRegion: 2 }),
    file: PROD,
    path: 'network.privateIntegrations.nlbStrategy',
    says: 'over the quota of 2 per region',
  },
  {
    name: 'more services than listeners on the shared NLB',
    mutate: set(DEV, ['network', 'privateIntegrations', 'quotas'], { listenersPerLoadBalancer: 2 }),
    file: DEV,
    path: 'network.privateIntegrations.nlbStrategy',
    says: 'over the quota of 2',
  },
  {
    name: 'two services on one listener port of the shared NLB',
    mutate: remove(DEV, ['services', 'customers', 'backend', 'listenerPort']),
    file: DEV,
    path: 'services.customers.backend.listenerPort',
    says: 'listener port 8443 of the shared NLB is already used by service "payments"',
  },
  {
    name: 'more targets than a target group takes',
    mutate: set(PROD, ['network', 'privateIntegrations', 'quotas'], { targetsPerTargetGroup: 2 }),
    file: PROD,
    path: 'services.payments.backend.addresses',
    says: 'exceed the quota of 2 per target group',
  },
  {
    name: 'TLS backends without a listener certificate',
    mutate: remove(PROD, ['network', 'privateIntegrations', 'tlsCertificateArn']),
    file: PROD,
    path: 'network.privateIntegrations.tlsCertificateArn',
    says: 'speak TLS but no listener certificate',
  },
  {
    name: 'listener port out of range',
    mutate: set(DEV, ['services', 'customers', 'backend', 'listenerPort'], 0),
    file: DEV,
    path: 'services.customers.backend.listenerPort',
    says: '>=1',
  },
  {
    name: 'gateway VPC too small for its subnets',
    mutate: set(PROD, ['network', 'gatewayVpc', 'cidr'], '10.10.0.0/26'),
    file: PROD,
    path: 'network.gatewayVpc.cidr',
    says: 'too small for a subnet per availability zone',
  },
  // OpenAPI documents and the public path (issue 4)
  {
    name: 'operation without an API Gateway integration',
    mutate: remove('services/payments/openapi.yaml', ['paths', '/payments', 'post', 'x-amazon-apigateway-integration']),
    file: 'services/payments/openapi.yaml',
    path: '#/paths/~1payments/post/x-amazon-apigateway-integration',
    says: 'POST /payments has no x-amazon-apigateway-integration [UAG-OAS-001]',
  },
  {
    name: 'integration through another VPC link',
    mutate: set('services/ledger/openapi.yaml', ['paths', '/entries/{id}', 'get', 'x-amazon-apigateway-integration', 'connectionId'], 'abc123'),
    file: 'services/ledger/openapi.yaml',
    path: '#/paths/~1entries~1{id}/get/x-amazon-apigateway-integration/connectionId',
    says: '[UAG-OAS-001]',
  },
  {
    name: 'operation without security',
    mutate: remove('services/customers/openapi.yaml', ['paths', '/customers', 'get', 'security']),
    file: 'services/customers/openapi.yaml',
    path: '#/paths/~1customers/get',
    says: 'GET /customers does not require the gateway authorizer [UAG-OAS-002]',
  },
  {
    name: 'public operation without a written reason',
    mutate: set('services/payments/service.yaml', ['publicOperations'], [{ operation: 'GET /payments', reason: 'because' }]),
    file: 'services/payments/service.yaml',
    path: 'publicOperations[0].reason',
    says: 'at least 20 characters',
  },
  {
    name: 'API over 300 resources',
    mutate: (dir) =>
      editYaml(dir, 'services/payments/openapi.yaml', (doc) => {
        const item = doc.getIn(['paths', '/payments/{id}']);
        for (let i = 0; i < 300; i++) doc.setIn(['paths', `/payments/r${i}`], item);
      }),
    file: 'services/payments/openapi.yaml',
    path: '#/paths',
    says: "the API has 303 resources, over API Gateway's quota of 300 [UAG-OAS-003]",
  },
  {
    name: 'unparsable OpenAPI YAML',
    mutate: write('services/ledger/openapi.yaml', 'openapi: 3.0.3\npaths:\n  /entries: [unclosed\n'),
    file: 'services/ledger/openapi.yaml:4',
    path: '(file)',
    says: 'invalid YAML',
  },
  {
    name: 'OpenAPI document that breaks the specification',
    mutate: set('services/customers/openapi.yaml', ['paths', '/customers', 'get', 'responses'], 'none'),
    file: 'services/customers/openapi.yaml',
    path: '#/paths/~1customers/get/responses',
    says: '#/paths/~1customers/get/responses: must be an object [UAG-OAS-000]',
  },
  {
    name: 'hosted zone id that is not one',
    mutate: set(PROD, ['domains', 'hostedZoneId'], 'example.com'),
    file: PROD,
    path: 'domains.hostedZoneId',
    says: 'must be a Route 53 hosted zone id',
  },
  {
    name: 'SIEM stream in another account',
    mutate: set(PROD, ['observability', 'logSubscription', 'destinationArn'], 'arn:aws:firehose:ap-southeast-1:222233334444:deliverystream/siem'),
    file: PROD,
    path: 'observability.logSubscription.destinationArn',
    says: 'not in the gateway account',
  },
  {
    name: 'two environments owning RAM sharing with the organization',
    mutate: set(DEV, ['organization', 'enableRamSharingHere'], true),
    file: PROD,
    path: 'organization.enableRamSharingHere',
    says: 'already enabled by environments/dev.yaml',
  },
  {
    name: 'ENV selecting an unknown environment',
    mutate: () => undefined,
    env: { ENV: 'dev,uat' },
    file: 'ENV',
    path: 'uat',
    says: 'available: dev, prod, staging',
  },
];

describeBadInput('bad configuration input', CASES);

describeEntryPointRejects(
  'bad configuration input through the entry point process (tsx main.ts)',
  CASES.find((entry) => entry.name === 'unknown region')!,
);

it('covers at least 25 distinct cases', () => {
  expect(new Set(CASES.map((entry) => entry.name)).size).toBeGreaterThanOrEqual(25);
});
