import { parseAccessMatrix, parseShareArns, type AccessMatrix } from '../../../lambdas/ram-share-auditor/access-matrix';

/** access-matrix.json and SHARE_ARNS are checked at init, so a broken bundle fails the function before it audits anything. */

const MATRIX: AccessMatrix = {
  version: 1,
  environment: 'prod',
  metricNamespace: 'UnifiedApiGateway/RamShareAuditor',
  remediation: false,
  shares: [{ key: 'organization', name: 'prod-private-domain', principals: ['777788889999'] }],
  consumers: [{ consumer: 'retail-app', accountId: '777788889999', inOrganization: true, services: ['ledger'] }],
};
const ARN = 'arn:aws:ram:ap-southeast-1:444455558888:resource-share/aaaaaaaa-0000-4000-8000-000000000001';

describe('access-matrix.json', () => {
  it('accepts what the module writes', () => {
    expect(parseAccessMatrix(JSON.parse(JSON.stringify(MATRIX)))).toEqual(MATRIX);
  });

  it.each([
    ['another version', { ...MATRIX, version: 2 }, 'version must be 1'],
    ['a remediation switch that is not a boolean', { ...MATRIX, remediation: 'yes' }, 'remediation must be true or false'],
    [
      'a principal that is not an account id',
      { ...MATRIX, shares: [{ ...MATRIX.shares[0], principals: ['arn:aws:organizations::111122223333:organization/o-x'] }] },
      'shares[0].principals must be a list of 12-digit account ids',
    ],
    ['a share without key', { ...MATRIX, shares: [{ name: 'x', principals: [] }] }, 'shares[0].key must be a non-empty string'],
    ['a namespace CloudWatch refuses', { ...MATRIX, metricNamespace: 'has spaces' }, 'metricNamespace must be a CloudWatch namespace'],
    ['a truncated consumer', { ...MATRIX, consumers: [{ consumer: 'retail-app' }] }, 'consumers[0] must have consumer, accountId, inOrganization and services'],
  ])('refuses %s', (_name, value, message) => {
    expect(() => parseAccessMatrix(value)).toThrow(message);
  });
});

describe('SHARE_ARNS', () => {
  it('maps each share of the matrix to its ARN', () => {
    expect(parseShareArns(JSON.stringify({ organization: ARN }), MATRIX)).toEqual(new Map([['organization', ARN]]));
  });

  it.each([
    ['unset', undefined, 'SHARE_ARNS is not set'],
    ['not JSON', 'organization=arn', 'SHARE_ARNS is not JSON'],
    ['missing a share of the matrix', '{}', 'SHARE_ARNS.organization must be the ARN of share prod-private-domain, got undefined'],
    ['an unresolved Terraform reference', JSON.stringify({ organization: '${aws_ram_resource_share.x.arn}' }), 'SHARE_ARNS.organization must be the ARN'],
  ])('fails when %s', (_name, raw, message) => {
    expect(() => parseShareArns(raw, MATRIX)).toThrow(message);
  });
});
