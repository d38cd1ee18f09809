import { compliantIf, type ResourceRule } from '../../rule';
import { blocks, refersTo } from '../../values';

export const defaultSecurityGroupClosed: ResourceRule = {
  id: 'UAG-NET-008',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_vpc'],
  what: 'Every VPC the landing zone creates manages its default security group with no ingress and no egress rule.',
  why:
    'AWS gives every VPC a default security group that admits all traffic between its members and all egress. Anything ' +
    'created without an explicit group (an endpoint, a test instance, a Lambda moved into the VPC) lands in it and can reach ' +
    'everything else there. Security Hub FSBP EC2.2 and checkov CKV2_AWS_12 require it to have no rules.',
  fix: 'Add aws_default_security_group { vpc_id = aws_vpc.<name>.id, ingress = [], egress = [] } in the same stack (modules/network/private-vpc.ts does).',
  check: (vpc, stack) => {
    const groups = stack.ofType('aws_default_security_group').filter(({ values }) => refersTo(values.vpc_id, vpc.address));
    if (groups.length === 0) return compliantIf(false, "no aws_default_security_group refers to this VPC: it keeps AWS's allow rules");
    const open = groups.filter(({ values }) => blocks(values.ingress).length > 0 || blocks(values.egress).length > 0);
    return compliantIf(open.length === 0, `${open.map(({ address }) => address).join(', ')} keeps ingress or egress rules`);
  },
};
