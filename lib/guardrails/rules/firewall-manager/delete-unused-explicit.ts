import { compliantIf, type ResourceRule } from '../../rule';

export const deleteUnusedExplicit: ResourceRule = {
  id: 'UAG-FMS-003',
  kind: 'resource',
  severity: 'warning',
  resourceTypes: ['aws_fms_policy'],
  what: 'Firewall Manager policies set delete_unused_fm_managed_resources explicitly.',
  why:
    'The setting decides whether Firewall Manager deletes the web ACLs and security groups it created when a resource leaves ' +
    'the policy scope. Left to the default, a scope change can silently remove protections or leave orphans; it should be a decision.',
  fix: 'Set delete_unused_fm_managed_resources = true or false on the policy, with a comment saying why.',
  check: ({ values }) => compliantIf(values.delete_unused_fm_managed_resources !== undefined, 'delete_unused_fm_managed_resources is unset'),
};
