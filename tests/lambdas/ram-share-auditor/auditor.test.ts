import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { DisassociateResourceShareCommand, GetResourceShareAssociationsCommand, RAMClient, RAMServiceException } from '@aws-sdk/client-ram';
import { mockClient } from 'aws-sdk-client-mock';
import type { AccessMatrix } from '../../../lambdas/ram-share-auditor/access-matrix';
import { createShareAuditor } from '../../../lambdas/ram-share-auditor/auditor';
import type { LogFields, LogLevel } from '../../../lambdas/ram-share-auditor/log';

/** The auditor against mocked RAM and CloudWatch clients: what it reads, what it counts, what it logs, what it removes. */

const ORG_SHARE = 'arn:aws:ram:ap-southeast-1:444455558888:resource-share/aaaaaaaa-0000-4000-8000-000000000001';
const EXTERNAL_SHARE = 'arn:aws:ram:ap-southeast-1:444455558888:resource-share/bbbbbbbb-0000-4000-8000-000000000002';
const DOMAIN = 'arn:aws:apigateway:ap-southeast-1:444455558888:/domainnames/api.internal.example.com+abc1234def';
const RETAIL = '777788889999';
const PARTNER = '999988887777';
const STRANGER = '123456789012';

const ram = mockClient(RAMClient);
const cloudwatch = mockClient(CloudWatchClient);

function matrix(overrides: Partial<AccessMatrix> = {}): AccessMatrix {
  return {
    version: 1,
    environment: 'prod',
    metricNamespace: 'UnifiedApiGateway/RamShareAuditor',
    remediation: false,
    shares: [
      { key: 'organization', name: 'prod-private-domain', principals: [RETAIL] },
      { key: 'external', name: 'prod-private-domain-external', principals: [PARTNER] },
    ],
    consumers: [
      { consumer: 'retail-app', accountId: RETAIL, inOrganization: true, services: ['customers', 'ledger'] },
      { consumer: 'partner-hub', accountId: PARTNER, inOrganization: false, services: ['customers'] },
    ],
    ...overrides,
  };
}

const principal = (share: string, entity: string, status = 'ASSOCIATED', external = false) => ({
  resourceShareArn: share,
  associatedEntity: entity,
  associationType: 'PRINCIPAL' as const,
  status: status as 'ASSOCIATED',
  external,
});
const resource = (share: string, entity = DOMAIN, status = 'ASSOCIATED') => ({
  resourceShareArn: share,
  associatedEntity: entity,
  associationType: 'RESOURCE' as const,
  status: status as 'ASSOCIATED',
});
const ramError = (name: string, status: number, throttling = false) =>
  new RAMServiceException({
    name,
    message: `${name} from the test`,
    $fault: 'client',
    $metadata: { httpStatusCode: status, requestId: `req-${name}` },
    ...(throttling ? { $retryable: { throttling: true } } : {}),
  });

/** RAM as it looks when every share matches the matrix. */
function healthyShares(): void {
  ram
    .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [ORG_SHARE] })
    .resolves({ resourceShareAssociations: [principal(ORG_SHARE, RETAIL)] });
  ram
    .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [EXTERNAL_SHARE] })
    .resolves({ resourceShareAssociations: [principal(EXTERNAL_SHARE, PARTNER, 'ASSOCIATED', true)] });
  ram
    .on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE', resourceShareArns: [ORG_SHARE] })
    .resolves({ resourceShareAssociations: [resource(ORG_SHARE)] });
  ram
    .on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE', resourceShareArns: [EXTERNAL_SHARE] })
    .resolves({ resourceShareAssociations: [resource(EXTERNAL_SHARE)] });
}

interface LogLine extends LogFields {
  readonly level: LogLevel;
  readonly message: string;
}

function auditor(overrides: Partial<AccessMatrix> = {}) {
  const logs: LogLine[] = [];
  const delays: number[] = [];
  const instance = createShareAuditor({
    matrix: matrix(overrides),
    shareArns: new Map([
      ['organization', ORG_SHARE],
      ['external', EXTERNAL_SHARE],
    ]),
    domainArn: DOMAIN,
    ram: new RAMClient({ region: 'ap-southeast-1' }),
    cloudwatch: new CloudWatchClient({ region: 'ap-southeast-1' }),
    log: (level, message, fields = {}) => logs.push({ level, message, ...fields }),
    retry: { maxAttempts: 4, baseDelayMs: 10, random: () => 1, sleep: async (ms) => void delays.push(ms) },
    now: () => new Date('2026-11-21T12:00:00Z'),
  });
  return { instance, logs, delays };
}

/** The published value of each metric of the (single) PutMetricData call. */
function published(): Record<string, number> {
  const calls = cloudwatch.commandCalls(PutMetricDataCommand);
  expect(calls).toHaveLength(1);
  const { Namespace, MetricData } = calls[0]!.args[0].input;
  expect(Namespace).toBe('UnifiedApiGateway/RamShareAuditor');
  return Object.fromEntries((MetricData as MetricDatum[]).map((datum) => [datum.MetricName!, datum.Value!]));
}

beforeEach(() => {
  ram.reset();
  cloudwatch.reset();
  cloudwatch.on(PutMetricDataCommand).resolves({});
});

describe('expected principals', () => {
  it('publishes zeros when both shares match the matrix', async () => {
    healthyShares();
    const { instance, logs } = auditor();

    const summary = await instance.run();

    expect(Object.values(published()).every((value) => value === 0)).toBe(true);
    expect(summary.shares.map((share) => share.result)).toEqual(['audited', 'audited']);
    expect(logs.filter((line) => line.level !== 'info')).toEqual([]);
    expect(ram.commandCalls(DisassociateResourceShareCommand)).toHaveLength(0);
  });

  it('dimensions every metric by environment and sends them in one call', async () => {
    healthyShares();
    await auditor().instance.run();
    const [datum] = cloudwatch.commandCalls(PutMetricDataCommand)[0]!.args[0].input.MetricData!;
    expect(datum).toEqual(
      expect.objectContaining({ Dimensions: [{ Name: 'Environment', Value: 'prod' }], Unit: 'Count', Timestamp: new Date('2026-11-21T12:00:00Z') }),
    );
  });
});

describe('unexpected principals', () => {
  beforeEach(() => {
    healthyShares();
    ram.on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [ORG_SHARE] }).resolves({
      resourceShareAssociations: [principal(ORG_SHARE, RETAIL), principal(ORG_SHARE, STRANGER)],
    });
  });

  it('counts and logs them without touching the share when remediation is off', async () => {
    const { instance, logs } = auditor({ remediation: false });

    await instance.run();

    expect(published()).toEqual(expect.objectContaining({ UnexpectedPrincipals: 1, PrincipalsRemoved: 0 }));
    expect(ram.commandCalls(DisassociateResourceShareCommand)).toHaveLength(0);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringContaining('remediation off'), principal: STRANGER, share: 'prod-private-domain' }),
    );
  });

  it('disassociates only them when remediation is on', async () => {
    ram.on(DisassociateResourceShareCommand).resolves({ resourceShareAssociations: [{ associatedEntity: STRANGER, status: 'DISASSOCIATING' }] });
    const { instance, logs } = auditor({ remediation: true });

    const summary = await instance.run();

    expect(ram.commandCalls(DisassociateResourceShareCommand).map((call) => call.args[0].input)).toEqual([
      { resourceShareArn: ORG_SHARE, principals: [STRANGER] },
    ]);
    expect(published()).toEqual(expect.objectContaining({ UnexpectedPrincipals: 1, PrincipalsRemoved: 1, RemediationFailures: 0 }));
    expect(summary.shares[0]).toEqual(expect.objectContaining({ removed: [STRANGER] }));
    expect(logs).toContainEqual(expect.objectContaining({ message: 'unexpected principal disassociated from the share', principal: STRANGER }));
  });

  it('reports a removal RAM refuses as a remediation failure and access denied', async () => {
    ram.on(DisassociateResourceShareCommand).rejects(ramError('AccessDeniedException', 403));
    const { instance, logs } = auditor({ remediation: true });

    await expect(instance.run()).resolves.toBeDefined();

    expect(published()).toEqual(expect.objectContaining({ PrincipalsRemoved: 0, RemediationFailures: 1, AccessDenied: 1 }));
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'could not disassociate an unexpected principal', awsError: 'AccessDeniedException' }),
    );
  });
});

describe('missing principals and inactive associations', () => {
  it('counts a declared consumer account that is not on the share, and never adds it', async () => {
    healthyShares();
    ram
      .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [EXTERNAL_SHARE] })
      .resolves({ resourceShareAssociations: [] });
    const { instance, logs } = auditor({ remediation: true });

    await instance.run();

    expect(published()).toEqual(expect.objectContaining({ MissingPrincipals: 1, UnexpectedPrincipals: 0 }));
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', principal: PARTNER, consumers: 'partner-hub' }));
    expect(ram.commandCalls(DisassociateResourceShareCommand)).toHaveLength(0);
  });

  it('counts associations that are not ASSOCIATED, with their status', async () => {
    healthyShares();
    ram.on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [EXTERNAL_SHARE] }).resolves({
      resourceShareAssociations: [{ ...principal(EXTERNAL_SHARE, PARTNER, 'ASSOCIATING', true) }],
    });
    ram.on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE', resourceShareArns: [ORG_SHARE] }).resolves({
      resourceShareAssociations: [{ ...resource(ORG_SHARE, DOMAIN, 'FAILED'), statusMessage: 'resource not found' }],
    });
    const { instance, logs } = auditor();

    await instance.run();

    expect(published()).toEqual(expect.objectContaining({ AssociationsNotActive: 2, MissingPrincipals: 0, MissingResources: 0 }));
    expect(logs).toContainEqual(expect.objectContaining({ message: 'association is not active', entity: PARTNER, status: 'ASSOCIATING' }));
    expect(logs).toContainEqual(
      expect.objectContaining({ message: 'association is not active', entity: DOMAIN, status: 'FAILED', statusMessage: 'resource not found' }),
    );
  });

  it('counts a share without the domain and a share carrying something else', async () => {
    healthyShares();
    const other = 'arn:aws:ec2:ap-southeast-1:444455558888:transit-gateway/tgw-0123456789abcdef0';
    ram
      .on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE', resourceShareArns: [EXTERNAL_SHARE] })
      .resolves({ resourceShareAssociations: [resource(EXTERNAL_SHARE, other)] });

    await auditor().instance.run();

    expect(published()).toEqual(expect.objectContaining({ UnexpectedResources: 1, MissingResources: 1 }));
  });
});

describe('reading RAM', () => {
  it('follows every page before deciding a principal is missing', async () => {
    healthyShares();
    ram
      .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [ORG_SHARE] })
      .resolvesOnce({ resourceShareAssociations: [principal(ORG_SHARE, '111111111111')], nextToken: 'next' })
      .resolvesOnce({ resourceShareAssociations: [principal(ORG_SHARE, RETAIL)] });
    const { instance } = auditor();

    await instance.run();

    expect(published()).toEqual(expect.objectContaining({ MissingPrincipals: 0, UnexpectedPrincipals: 1 }));
    expect(ram.commandCalls(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [ORG_SHARE] })).toHaveLength(2);
  });

  it('retries throttling and completes the audit', async () => {
    healthyShares();
    ram
      .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL', resourceShareArns: [ORG_SHARE] })
      .rejectsOnce(ramError('ThrottlingException', 400, true))
      .rejectsOnce(ramError('ThrottlingException', 400, true))
      .resolves({ resourceShareAssociations: [principal(ORG_SHARE, RETAIL)] });
    const { instance, delays } = auditor();

    const summary = await instance.run();

    expect(delays).toEqual([10, 20]);
    expect(summary.shares.map((share) => share.result)).toEqual(['audited', 'audited']);
    expect(Object.values(published()).every((value) => value === 0)).toBe(true);
  });

  it('reports throttling that outlasts the retries as an audit error, without crashing', async () => {
    healthyShares();
    ram.on(GetResourceShareAssociationsCommand, { resourceShareArns: [ORG_SHARE] }).rejects(ramError('ThrottlingException', 400, true));
    const { instance, logs } = auditor();

    const summary = await instance.run();

    expect(summary.shares[0]).toEqual(expect.objectContaining({ result: 'failed' }));
    expect(published()).toEqual(expect.objectContaining({ AuditErrors: 1, AccessDenied: 0 }));
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', errorType: 'RamThrottledError' }));
  });

  it('reports access denied as a metric and a clear log, and still audits the other share', async () => {
    healthyShares();
    ram.on(GetResourceShareAssociationsCommand, { resourceShareArns: [ORG_SHARE] }).rejects(ramError('AccessDeniedException', 403));
    const { instance, logs, delays } = auditor();

    const summary = await instance.run();

    expect(summary.shares).toEqual([
      expect.objectContaining({ share: 'prod-private-domain', result: 'access-denied' }),
      expect.objectContaining({ share: 'prod-private-domain-external', result: 'audited' }),
    ]);
    expect(published()).toEqual(expect.objectContaining({ AccessDenied: 1, AuditErrors: 0 }));
    expect(delays).toEqual([]);
    const line = logs.find((entry) => entry.level === 'error')!;
    expect(line).toEqual(
      expect.objectContaining({
        message: expect.stringContaining('access denied'),
        shareArn: ORG_SHARE,
        awsError: 'AccessDeniedException',
        requestId: 'req-AccessDeniedException',
      }),
    );
    expect(line.error).toContain("grant the caller's role ram:GetResourceShareAssociations");
  });
});

describe('publishing', () => {
  it('logs and returns when CloudWatch refuses the metrics', async () => {
    healthyShares();
    cloudwatch
      .on(PutMetricDataCommand)
      .rejects(Object.assign(new Error('User is not authorized to perform cloudwatch:PutMetricData'), { name: 'AccessDenied' }));
    const { instance, logs } = auditor();

    const summary = await instance.run();

    expect(summary.metricsPublished).toBe(false);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'error', message: expect.stringContaining('could not be published'), awsError: 'AccessDenied' }),
    );
  });
});
