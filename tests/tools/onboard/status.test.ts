import { APIGatewayClient, APIGatewayServiceException, GetDomainNameAccessAssociationsCommand } from '@aws-sdk/client-api-gateway';
import { GetResourceShareAssociationsCommand, GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import { mockClient } from 'aws-sdk-client-mock';
import { createRamClient } from '../../../lib/ram/client';
import { runStatus } from '../../../tools/onboard/status';
import { copyExampleConfig } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { ramError } from '../../lib/ram/ram-errors';
import { onboard } from './run-onboard';

/**
 * `status` against mocked RAM and API Gateway (aws-sdk-client-mock): prod's customers service is granted to
 * retail-app (inside the organization, organization share) and partner-hub (outside it, external share).
 */
const ram = mockClient(RAMClient);
const apiGateway = mockClient(APIGatewayClient);

const RETAIL = '777788889999';
const PARTNER = '999988887777';
const ORG_SHARE = 'arn:aws:ram:ap-southeast-1:444455558888:resource-share/0rg00000-0000-0000-0000-000000000001';
const EXTERNAL_SHARE = 'arn:aws:ram:ap-southeast-1:444455558888:resource-share/ext00000-0000-0000-0000-000000000002';
const DOMAIN = 'arn:aws:apigateway:ap-southeast-1:444455558888:/domainnames/api.internal.example.com+a1b2c3d4e5';

const share = (arn: string, name: string, external: boolean) => ({
  resourceShareArn: arn,
  name,
  status: 'ACTIVE' as const,
  allowExternalPrincipals: external,
  owningAccountId: '444455558888',
});
const association = (shareArn: string, entity: string, status = 'ASSOCIATED', external = false) => ({
  resourceShareArn: shareArn,
  associatedEntity: entity,
  status: status as 'ASSOCIATED',
  external,
});
const accessAssociation = (account: string, endpoint: string) => ({
  domainNameAccessAssociationArn: `arn:aws:apigateway:ap-southeast-1:${account}:/domainnameaccessassociations/domainname/api.internal.example.com+a1b2c3d4e5/vpcesource/${endpoint}`,
  domainNameArn: DOMAIN,
  accessAssociationSourceType: 'VPCE' as const,
  accessAssociationSource: endpoint,
});

/** Both shares deployed, both consumers associated, both endpoints associated (over two pages). */
function healthyAccount(): void {
  ram.on(GetResourceSharesCommand, { name: 'prod-private-domain' }).resolves({ resourceShares: [share(ORG_SHARE, 'prod-private-domain', false)] });
  ram
    .on(GetResourceSharesCommand, { name: 'prod-private-domain-external' })
    .resolves({ resourceShares: [share(EXTERNAL_SHARE, 'prod-private-domain-external', true)] });
  ram
    .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [ORG_SHARE] })
    .resolves({ resourceShareAssociations: [association(ORG_SHARE, RETAIL)] });
  ram
    .on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE', resourceShareArns: [ORG_SHARE] })
    .resolves({ resourceShareAssociations: [association(ORG_SHARE, DOMAIN)] });
  ram
    .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [EXTERNAL_SHARE] })
    .resolves({ resourceShareAssociations: [association(EXTERNAL_SHARE, PARTNER, 'ASSOCIATED', true)] });
  ram
    .on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE', resourceShareArns: [EXTERNAL_SHARE] })
    .resolves({ resourceShareAssociations: [association(EXTERNAL_SHARE, DOMAIN)] });
  apiGateway
    .on(GetDomainNameAccessAssociationsCommand, { position: undefined })
    .resolves({ items: [accessAssociation(RETAIL, 'vpce-0retail00000000001')], position: 'page-2' });
  apiGateway.on(GetDomainNameAccessAssociationsCommand, { position: 'page-2' }).resolves({
    items: [
      accessAssociation(PARTNER, 'vpce-0partner0000000002'),
      {
        ...accessAssociation('123456789012', 'vpce-0other000000000003'),
        domainNameArn: 'arn:aws:apigateway:ap-southeast-1:444455558888:/domainnames/other.example.com+zz',
      },
    ],
  });
}

async function status(service: string, env = 'prod', format: 'text' | 'json' = 'text') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStatus(
    { configDir: copyExampleConfig(), env, service, format },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
    (region) => ({
      ram: createRamClient(region),
      apiGateway: new APIGatewayClient({ region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
      retry: { baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined },
    }),
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeEach(() => {
  ram.reset();
  apiGateway.reset();
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
});

describe('onboard status', () => {
  it('shows the shares and every consumer reaching the service, and exits 0', async () => {
    healthyAccount();
    const run = await status('customers');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'customers in prod (both)',
      '  private domain: api.internal.example.com',
      `  share prod-private-domain: ACTIVE, domain shared, external principals refused (${ORG_SHARE})`,
      `  share prod-private-domain-external: ACTIVE, domain shared, external principals allowed (${EXTERNAL_SHARE})`,
      `  consumer retail-app (${RETAIL}, organization share): ASSOCIATED; vpce-0retail00000000001 - ok`,
      `  consumer partner-hub (${PARTNER}, external share): ASSOCIATED; vpce-0partner0000000002 - ok`,
      'complete: every consumer granted the service can reach it',
    ]);
    // Both pages of access associations were read; the other domain's association was ignored.
    expect(apiGateway.commandCalls(GetDomainNameAccessAssociationsCommand).map((call) => call.args[0].input)).toEqual([
      { resourceOwner: 'OTHER_ACCOUNTS', limit: 500, position: undefined },
      { resourceOwner: 'OTHER_ACCOUNTS', limit: 500, position: 'page-2' },
    ]);
  });

  it('says what is missing while a consumer is still being associated, and exits 1', async () => {
    healthyAccount();
    ram
      .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [EXTERNAL_SHARE] })
      .resolves({ resourceShareAssociations: [association(EXTERNAL_SHARE, PARTNER, 'ASSOCIATING', true)] });
    apiGateway.on(GetDomainNameAccessAssociationsCommand, { position: 'page-2' }).resolves({ items: [] });
    const run = await status('customers');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `  consumer partner-hub (${PARTNER}, external share): ASSOCIATING; no domain access association\n    missing: principal association is ASSOCIATING\n    missing: no domain access association from account ${PARTNER} (deploy prod-spoke-${PARTNER})`,
    );
    expect(run.stdout).toContain('incomplete: see missing above');
  });

  it('reports shares that are not deployed yet', async () => {
    ram.on(GetResourceSharesCommand).resolves({ resourceShares: [] });
    apiGateway.on(GetDomainNameAccessAssociationsCommand).resolves({ items: [] });
    const run = await status('ledger', 'prod', 'json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.shares).toEqual([
      { kind: 'organization', name: 'prod-private-domain', domainShared: false },
      { kind: 'external', name: 'prod-private-domain-external', domainShared: false },
    ]);
    expect(report.consumers).toEqual([
      expect.objectContaining({
        consumer: 'retail-app',
        missing: [
          'share prod-private-domain does not exist (deploy prod-gateway)',
          `no domain access association from account ${RETAIL} (deploy prod-spoke-${RETAIL})`,
        ],
      }),
    ]);
  });

  it('flags a principal no consumer accounts for', async () => {
    healthyAccount();
    ram
      .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [ORG_SHARE] })
      .resolves({ resourceShareAssociations: [association(ORG_SHARE, RETAIL), association(ORG_SHARE, '111111111111')] });
    const run = await status('customers');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '  unexpected principal 111111111111 on the organization share (ASSOCIATED): no consumer declares this account; the share auditor reports it',
    );
  });

  it('retries throttled RAM calls through lib/ram', async () => {
    healthyAccount();
    ram
      .on(GetResourceSharesCommand, { name: 'prod-private-domain' })
      .rejectsOnce(ramError('ThrottlingException', { status: 400, throttling: true }))
      .resolves({ resourceShares: [share(ORG_SHARE, 'prod-private-domain', false)] });
    const run = await status('customers');
    expect(run.code).toBe(0);
    expect(ram.commandCalls(GetResourceSharesCommand, { name: 'prod-private-domain' })).toHaveLength(2);
  });

  it('fails with what to grant when RAM refuses', async () => {
    ram.on(GetResourceSharesCommand).rejects(ramError('AccessDeniedException', { status: 403 }));
    const run = await status('customers');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "status: GetResourceShares on prod-private-domain was denied (AccessDeniedException: AccessDeniedException raised by the test); grant the caller's role ram:GetResourceShares",
    );
  });

  it('fails with what to grant when API Gateway refuses', async () => {
    healthyAccount();
    apiGateway
      .on(GetDomainNameAccessAssociationsCommand)
      .rejects(new APIGatewayServiceException({ name: 'AccessDeniedException', message: 'not allowed', $fault: 'client', $metadata: { httpStatusCode: 403 } }));
    const run = await status('customers');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'status: GetDomainNameAccessAssociations was denied (AccessDeniedException: not allowed)\n    fix: grant the caller apigateway:GET',
    );
  });

  it('calls nothing for a public service', async () => {
    const run = await status('payments');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'payments in prod (public)\n  public service: it is not on the private custom domain, so no RAM share or domain access association applies',
    );
    expect(ram.calls()).toHaveLength(0);
    expect(apiGateway.calls()).toHaveLength(0);
  });

  describe('refuses and changes nothing', () => {
    it.each([
      ['fails on an unknown environment', ['status', '--env', 'qa', '--service', 'customers'], '--env: environment "qa" does not exist'],
      ['fails on an unknown service', ['status', '--env', 'prod', '--service', 'orders'], '--service: service "orders" does not exist'],
      ['fails when a required option is missing', ['status', '--env', 'prod'], "required option '--service <name>' not specified"],
    ])('%s', async (_, args, expected) => {
      const dir = copyExampleConfig();
      const before = snapshotTree(dir);
      const run = await onboard(dir, args);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(expected);
      expect(snapshotTree(dir)).toEqual(before);
      expect(ram.calls()).toHaveLength(0);
    });
  });

  it('has --help', async () => {
    const run = await onboard(copyExampleConfig(), ['status', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--env <env>');
  });
});
