import { describeBadInput, remove, set, type BadInputCase } from '../support/bad-input';

/**
 * Bad input of the internal path (issue 6), through what the entry point runs, like tests/app/bad-input.test.ts: synth
 * exits non-zero, names the file, the path in it and the problem, and leaves the previous output as it was.
 */
const PROD = 'environments/prod.yaml';
const DEV = 'environments/dev.yaml';
const LEDGER = 'services/ledger/service.yaml';

const both =
  (...steps: ((dir: string) => void)[]) =>
  (dir: string) =>
    steps.forEach((step) => step(dir));

const CASES: BadInputCase[] = [
  {
    name: 'a consumer VPC without endpoint subnets',
    mutate: remove(PROD, ['consumers', 'retail-app', 'vpc', 'subnetIds']),
    file: PROD,
    path: 'consumers.retail-app.vpc',
    says: 'needs subnets in at least two availability zones',
  },
  {
    name: 'a consumer VPC with a single subnet',
    mutate: set(DEV, ['consumers', 'retail-app', 'vpc', 'subnetIds'], ['subnet-0c401000000000001']),
    file: DEV,
    path: 'consumers.retail-app.vpc.subnetIds',
    says: '>=2',
  },
  {
    name: 'a consumer subnet listed twice',
    mutate: set(DEV, ['consumers', 'retail-app', 'vpc', 'subnetIds'], ['subnet-0c401000000000001', 'subnet-0c401000000000001']),
    file: DEV,
    path: 'consumers.retail-app.vpc.subnetIds',
    says: 'is listed twice',
  },
  {
    name: 'two consumers in one VPC',
    mutate: set(PROD, ['consumers', 'partner-hub', 'vpc', 'id'], 'vpc-0a1b2c3d4e5f60010'),
    file: PROD,
    path: 'consumers.partner-hub.vpc.id',
    says: 'is already the VPC of consumer "retail-app"',
  },
  {
    name: 'a consumer in the gateway account',
    mutate: set(PROD, ['consumers', 'retail-app', 'account'], 'gateway'),
    file: PROD,
    path: 'consumers.retail-app.account',
    says: 'is in the gateway account',
  },
  {
    name: 'a consumer granted a private service disabled in the environment',
    mutate: set(DEV, ['services', 'ledger', 'enabled'], false),
    file: DEV,
    path: 'consumers.retail-app.services[0]',
    says: 'service "ledger" is not enabled in the dev environment',
  },
  {
    name: 'a private service no consumer may call',
    mutate: set(DEV, ['consumers', 'retail-app', 'services'], ['customers']),
    file: DEV,
    path: 'services.ledger',
    says: 'private service "ledger" is granted to no consumer',
  },
  {
    name: 'a reason for a service that has consumers',
    mutate: set(PROD, ['privateDomain', 'servicesWithoutConsumers', 'ledger'], 'Consumers onboard in the next release train.'),
    file: PROD,
    path: 'privateDomain.servicesWithoutConsumers.ledger',
    says: 'the reason for having no consumer is stale',
  },
  {
    name: 'a reason too short to review',
    mutate: both(set(DEV, ['consumers', 'retail-app', 'services'], ['customers']), set(DEV, ['privateDomain', 'servicesWithoutConsumers', 'ledger'], 'later')),
    file: DEV,
    path: 'privateDomain.servicesWithoutConsumers.ledger',
    says: 'at least 20 characters',
  },
  {
    name: 'a multi-level base path on the private domain',
    mutate: set(LEDGER, ['basePath'], 'v1/ledger'),
    file: LEDGER,
    path: 'basePath',
    says: 'takes single-segment base paths only',
  },
  {
    name: 'a private domain certificate that is not an ACM ARN',
    mutate: set(PROD, ['privateDomain', 'certificateArn'], 'arn:aws:iam::444455558888:server-certificate/internal'),
    file: PROD,
    path: 'privateDomain.certificateArn',
    says: 'must be an ACM certificate ARN',
  },
  {
    name: 'a private domain certificate from another region and account',
    mutate: set(PROD, ['privateDomain', 'certificateArn'], 'arn:aws:acm:us-east-1:555566668888:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'),
    file: PROD,
    path: 'privateDomain.certificateArn',
    says: 'is in region us-east-1, not the home region ap-southeast-1 and belongs to account 555566668888, not the gateway account 444455558888',
  },
  {
    name: 'an auditor schedule EventBridge cannot run',
    mutate: set(PROD, ['privateDomain', 'shareAuditor', 'scheduleExpression'], 'every hour'),
    file: PROD,
    path: 'privateDomain.shareAuditor.scheduleExpression',
    says: 'must be an EventBridge schedule',
  },
  {
    name: 'a consumer endpoint setting that does not exist',
    mutate: set(DEV, ['consumers', 'retail-app', 'endpoint', 'privateDNS'], true),
    file: DEV,
    path: 'consumers.retail-app.endpoint.privateDNS',
    says: 'unknown key',
  },
];

describeBadInput('bad configuration input of the internal path', CASES);
