import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { RamShare } from '../../../modules/organization/ram-share';
import type { TerraformJson } from '../../support/synth-json';

/** The one RAM share construct (private domain, Transit Gateway): what it creates and what it refuses. */

function stack(): TerraformStack {
  const scope = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(scope, 'aws', { region: 'ap-southeast-1' });
  return scope;
}
const synth = (scope: TerraformStack): TerraformJson => JSON.parse(Testing.synth(scope)) as TerraformJson;
const domain = { associationId: 'Domain', arn: 'arn:aws:apigateway:ap-southeast-1:444455558888:/domainnames/api.internal.example.com+abc1234def' };

describe('RamShare', () => {
  it('shares the one resource with each account once, external principals closed unless declared', () => {
    const scope = stack();
    new RamShare(scope, 'Share', {
      name: 'prod-private-domain',
      resource: domain,
      principalAccountIds: ['777788889999', '777788889999', '666677778888'],
      external: false,
    });
    const json = synth(scope);
    expect(Object.values(json.resource?.aws_ram_resource_share ?? {})).toEqual([{ name: 'prod-private-domain', allow_external_principals: false }]);
    const associations = Object.entries(json.resource?.aws_ram_resource_association ?? {});
    expect(associations.map(([address, association]) => [address.replace(/_[0-9A-F]{8}$/, ''), association.resource_arn])).toEqual([
      ['Share_Domain', domain.arn],
    ]);
    expect(Object.values(json.resource?.aws_ram_principal_association ?? {}).map((association) => association.principal)).toEqual([
      '666677778888',
      '777788889999',
    ]);
  });

  it('allows external principals only for a share declared external', () => {
    const scope = stack();
    new RamShare(scope, 'ExternalShare', { name: 'prod-private-domain-external', resource: domain, principalAccountIds: ['999988887777'], external: true });
    expect(Object.values(synth(scope).resource?.aws_ram_resource_share ?? {})).toEqual([
      { name: 'prod-private-domain-external', allow_external_principals: true },
    ]);
  });

  it('fails without principals', () => {
    expect(() => new RamShare(stack(), 'Share', { name: 'x', resource: domain, principalAccountIds: [], external: false })).toThrow(
      'principalAccountIds is empty',
    );
  });

  it('fails with a principal that is not an account id', () => {
    expect(
      () =>
        new RamShare(stack(), 'Share', {
          name: 'x',
          resource: domain,
          principalAccountIds: ['arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5'],
          external: false,
        }),
    ).toThrow('must be 12-digit account ids');
  });
});
