import { GetResourceShareAssociationsCommand, GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import { mockClient } from 'aws-sdk-client-mock';
import {
  describeShare,
  isAssociated,
  listShareAssociations,
  RamAccessDeniedError,
  RamRequestError,
  RamShareNotFoundError,
  RamThrottledError,
} from '../../../lib/ram';
import { DOMAIN_ARN, instantRetries, ramError, SHARE_ARN } from './ram-errors';

const ram = mockClient(RAMClient);
const client = new RAMClient({ region: 'ap-southeast-1' });
beforeEach(() => ram.reset());

const principal = (entity: string, status = 'ASSOCIATED', external = false) => ({
  resourceShareArn: SHARE_ARN,
  associatedEntity: entity,
  associationType: 'PRINCIPAL' as const,
  status: status as 'ASSOCIATED',
  external,
});

describe('listShareAssociations', () => {
  it('returns principals and resources with their status', async () => {
    ram.on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL' }).resolves({
      resourceShareAssociations: [principal('777788889999'), { ...principal('999988887777', 'FAILED', true), statusMessage: 'not in the organization' }],
    });
    ram.on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE' }).resolves({
      resourceShareAssociations: [{ resourceShareArn: SHARE_ARN, associatedEntity: DOMAIN_ARN, associationType: 'RESOURCE', status: 'ASSOCIATED' }],
    });

    const associations = await listShareAssociations(client, SHARE_ARN);

    expect(associations.principals).toEqual([
      expect.objectContaining({ entity: '777788889999', status: 'ASSOCIATED', external: false }),
      expect.objectContaining({ entity: '999988887777', status: 'FAILED', external: true, statusMessage: 'not in the organization' }),
    ]);
    expect(associations.resources).toEqual([expect.objectContaining({ entity: DOMAIN_ARN, status: 'ASSOCIATED' })]);
    expect(associations.principals.map(isAssociated)).toEqual([true, false]);
    expect(ram.commandCalls(GetResourceShareAssociationsCommand)[0]!.args[0].input).toEqual(expect.objectContaining({ resourceShareArns: [SHARE_ARN] }));
  });

  it('follows every page', async () => {
    ram
      .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL' })
      .resolvesOnce({ resourceShareAssociations: [principal('111111111111')], nextToken: 'page-2' })
      .resolvesOnce({ resourceShareAssociations: [principal('222222222222')], nextToken: 'page-3' })
      .resolvesOnce({ resourceShareAssociations: [principal('333333333333')] });
    ram.on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE' }).resolves({ resourceShareAssociations: [] });

    const { principals } = await listShareAssociations(client, SHARE_ARN, { pageSize: 1 });

    expect(principals.map((entry) => entry.entity)).toEqual(['111111111111', '222222222222', '333333333333']);
    const tokens = ram.commandCalls(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL' }).map((call) => call.args[0].input.nextToken);
    expect(tokens).toEqual([undefined, 'page-2', 'page-3']);
  });

  it('drops DISASSOCIATED history unless asked for it', async () => {
    ram
      .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL' })
      .resolves({ resourceShareAssociations: [principal('111111111111'), principal('222222222222', 'DISASSOCIATED')] });
    ram.on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE' }).resolves({});

    expect((await listShareAssociations(client, SHARE_ARN)).principals.map((entry) => entry.entity)).toEqual(['111111111111']);
    expect((await listShareAssociations(client, SHARE_ARN, { includeDisassociated: true })).principals).toHaveLength(2);
  });

  it('retries throttling with backoff and then succeeds', async () => {
    ram
      .on(GetResourceShareAssociationsCommand, { associationType: 'PRINCIPAL' })
      .rejectsOnce(ramError('ThrottlingException', { status: 400, throttling: true }))
      .rejectsOnce(ramError('ThrottlingException', { status: 400, throttling: true }))
      .resolves({ resourceShareAssociations: [principal('111111111111')] });
    ram.on(GetResourceShareAssociationsCommand, { associationType: 'RESOURCE' }).resolves({});
    const { delays, options } = instantRetries();

    const { principals } = await listShareAssociations(client, SHARE_ARN, options);

    expect(principals).toHaveLength(1);
    expect(delays).toEqual([50, 100]);
  });

  it('fails with RamThrottledError when throttling outlasts the retries', async () => {
    ram.on(GetResourceShareAssociationsCommand).rejects(ramError('ThrottlingException', { throttling: true }));
    const { delays, options } = instantRetries({ maxAttempts: 3 });

    const failure = listShareAssociations(client, SHARE_ARN, options);

    await expect(failure).rejects.toBeInstanceOf(RamThrottledError);
    await expect(failure).rejects.toMatchObject({ attempts: 3, operation: 'GetResourceShareAssociations', shareArn: SHARE_ARN });
    expect(delays).toHaveLength(2);
  });

  it('fails at once with RamAccessDeniedError naming the missing permission', async () => {
    ram.on(GetResourceShareAssociationsCommand).rejects(ramError('AccessDeniedException', { status: 403 }));
    const { delays, options } = instantRetries();

    const failure = listShareAssociations(client, SHARE_ARN, options);

    await expect(failure).rejects.toBeInstanceOf(RamAccessDeniedError);
    await expect(failure).rejects.toThrow(/ram:GetResourceShareAssociations on this share ARN/);
    await expect(failure).rejects.toMatchObject({ awsErrorName: 'AccessDeniedException', requestId: 'req-AccessDeniedException', attempts: 1 });
    expect(delays).toEqual([]);
  });

  it('fails with RamShareNotFoundError for an unknown share', async () => {
    ram.on(GetResourceShareAssociationsCommand).rejects(ramError('UnknownResourceException'));

    await expect(listShareAssociations(client, SHARE_ARN, instantRetries().options)).rejects.toBeInstanceOf(RamShareNotFoundError);
  });

  it('retries server faults and reports a RamRequestError when they persist', async () => {
    ram.on(GetResourceShareAssociationsCommand).rejects(ramError('ServiceUnavailableException', { status: 503, fault: 'server' }));
    const { delays, options } = instantRetries({ maxAttempts: 2 });

    await expect(listShareAssociations(client, SHARE_ARN, options)).rejects.toBeInstanceOf(RamRequestError);
    expect(delays).toHaveLength(1);
  });

  it('does not retry a rejected request', async () => {
    ram.on(GetResourceShareAssociationsCommand).rejects(ramError('InvalidParameterException'));
    const { delays, options } = instantRetries();

    await expect(listShareAssociations(client, SHARE_ARN, options)).rejects.toThrow(/failed after 1 attempt\(s\): InvalidParameterException/);
    expect(delays).toEqual([]);
  });

  it('refuses a pagination loop', async () => {
    ram.on(GetResourceShareAssociationsCommand).resolves({ resourceShareAssociations: [principal('111111111111')], nextToken: 'same' });

    await expect(listShareAssociations(client, SHARE_ARN)).rejects.toThrow(/a page token repeated/);
  });
});

describe('describeShare', () => {
  it('reads the state and the external-principals setting', async () => {
    ram.on(GetResourceSharesCommand).resolves({
      resourceShares: [
        { resourceShareArn: SHARE_ARN, name: 'prod-private-domain', status: 'ACTIVE', allowExternalPrincipals: false, owningAccountId: '444455558888' },
      ],
    });

    await expect(describeShare(client, SHARE_ARN)).resolves.toEqual(
      expect.objectContaining({ name: 'prod-private-domain', status: 'ACTIVE', allowExternalPrincipals: false, owningAccountId: '444455558888' }),
    );
    expect(ram.commandCalls(GetResourceSharesCommand)[0]!.args[0].input).toEqual({ resourceOwner: 'SELF', resourceShareArns: [SHARE_ARN] });
  });

  it('fails with RamShareNotFoundError when RAM returns no such share', async () => {
    ram.on(GetResourceSharesCommand).resolves({ resourceShares: [] });

    await expect(describeShare(client, SHARE_ARN)).rejects.toBeInstanceOf(RamShareNotFoundError);
  });
});
