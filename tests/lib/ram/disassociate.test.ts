import { DisassociateResourceShareCommand, RAMClient } from '@aws-sdk/client-ram';
import { mockClient } from 'aws-sdk-client-mock';
import { createRamClient, disassociatePrincipals, RamAccessDeniedError } from '../../../lib/ram';
import { instantRetries, ramError, SHARE_ARN } from './ram-errors';

const ram = mockClient(RAMClient);
const client = new RAMClient({ region: 'ap-southeast-1' });
beforeEach(() => ram.reset());

describe('disassociatePrincipals', () => {
  it('removes each principal with its own call', async () => {
    ram.on(DisassociateResourceShareCommand).callsFake((input: { principals: string[] }) => ({
      resourceShareAssociations: [{ associatedEntity: input.principals[0], status: 'DISASSOCIATING' }],
    }));

    const results = await disassociatePrincipals(client, SHARE_ARN, ['111111111111', '222222222222']);

    expect(results).toEqual([
      { principal: '111111111111', removed: true, status: 'DISASSOCIATING' },
      { principal: '222222222222', removed: true, status: 'DISASSOCIATING' },
    ]);
    expect(ram.commandCalls(DisassociateResourceShareCommand).map((call) => call.args[0].input)).toEqual([
      { resourceShareArn: SHARE_ARN, principals: ['111111111111'] },
      { resourceShareArn: SHARE_ARN, principals: ['222222222222'] },
    ]);
  });

  it('reports a refused principal and still removes the others', async () => {
    ram
      .on(DisassociateResourceShareCommand, { principals: ['111111111111'] })
      .rejects(ramError('AccessDeniedException', { status: 403 }))
      .on(DisassociateResourceShareCommand, { principals: ['222222222222'] })
      .resolves({ resourceShareAssociations: [{ associatedEntity: '222222222222', status: 'DISASSOCIATING' }] });

    const [denied, removed] = await disassociatePrincipals(client, SHARE_ARN, ['111111111111', '222222222222'], instantRetries().options);

    expect(denied).toEqual({ principal: '111111111111', removed: false, error: expect.any(RamAccessDeniedError) });
    expect(removed).toEqual(expect.objectContaining({ principal: '222222222222', removed: true }));
  });

  it('retries a throttled removal', async () => {
    ram
      .on(DisassociateResourceShareCommand)
      .rejectsOnce(ramError('ThrottlingException', { throttling: true }))
      .resolves({ resourceShareAssociations: [{ associatedEntity: '111111111111', status: 'DISASSOCIATING' }] });
    const { delays, options } = instantRetries();

    const [result] = await disassociatePrincipals(client, SHARE_ARN, ['111111111111'], options);

    expect(result).toEqual(expect.objectContaining({ removed: true }));
    expect(delays).toHaveLength(1);
  });
});

describe('createRamClient', () => {
  it('turns the SDK retries off, so callRam is the only retry layer', async () => {
    const created = createRamClient('ap-southeast-1');
    await expect(created.config.maxAttempts()).resolves.toBe(1);
    await expect(created.config.region()).resolves.toBe('ap-southeast-1');
  });
});
