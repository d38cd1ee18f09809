import { readEmbeddedDocument } from '../../embedded-document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import type { StackView } from '../../stack-view';
import { block, blocks, isAttributes, refersTo, referencedAddress, stringList, type Attributes } from '../../values';

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

export const noOpenIngress: ResourceRule = {
  id: 'UAG-NET-007',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
  what: 'No security group admits ingress from 0.0.0.0/0 or ::/0 (Firewall Manager deny-list references excepted).',
  why:
    'Nothing in the landing zone is meant to be reached from the internet directly: the public entry is CloudFront, NLBs admit ' +
    'only the gateway VPC and execute-api endpoints only their VPC. An open ingress rule is either a mistake or a bypass of the edge. ' +
    'The one exception is the reference group of a Firewall Manager content-audit policy in DENY mode: it is attached to nothing ' +
    'and lists exactly the rules Firewall Manager flags everywhere else.',
  fix: 'Limit ingress to the VPC or peer CIDRs (or a security group / prefix list) that needs access.',
  check: ({ type, address, values }, stack) => {
    const group = type === 'aws_security_group' ? address : referencedAddress(values.security_group_id);
    if (group !== undefined && isDenyListReference(group, stack)) return NOT_APPLICABLE;
    const open = ingressSources(type, values).filter((cidr) => ANYWHERE.has(cidr));
    return open.length === 0 ? COMPLIANT : nonCompliant(`ingress from ${[...new Set(open)].join(', ')}`);
  },
};

function ingressSources(type: string, values: Attributes): string[] {
  const cidrs = (rule: Attributes): string[] => [...(stringList(rule.cidr_blocks) ?? []), ...(stringList(rule.ipv6_cidr_blocks) ?? [])];
  switch (type) {
    case 'aws_security_group':
      return blocks(values.ingress).flatMap(cidrs);
    case 'aws_security_group_rule':
      return values.type === 'ingress' ? cidrs(values) : [];
    default:
      return [values.cidr_ipv4, values.cidr_ipv6].filter((cidr): cidr is string => typeof cidr === 'string');
  }
}

/** The group is the reference of a SECURITY_GROUPS_CONTENT_AUDIT policy whose action is DENY (its rules are what is forbidden). */
function isDenyListReference(group: string, stack: StackView): boolean {
  return stack.ofType('aws_fms_policy').some(({ values }) => {
    const data = block(values.security_service_policy_data);
    if (data?.type !== 'SECURITY_GROUPS_CONTENT_AUDIT' || !refersTo(data.managed_service_data, group)) return false;
    const service = readEmbeddedDocument(data.managed_service_data);
    const action = service.kind === 'document' && isAttributes(service.value) ? service.value.securityGroupAction : undefined;
    return isAttributes(action) && action.type === 'DENY';
  });
}
