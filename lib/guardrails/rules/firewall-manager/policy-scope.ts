import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { block, isSet } from '../../values';

export const policyScope: ResourceRule = {
  id: 'UAG-FMS-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_fms_policy'],
  what: 'Firewall Manager policies have a non-empty scope: resource types, and accounts or OUs when include_map is used.',
  why:
    'A Firewall Manager policy with no resource types, or an include_map that lists nothing, applies to nothing. It shows ' +
    'up as compliant in the console while no account gets the WAF, Shield or security-group baseline it was written for.',
  fix: 'Set resource_type (or resource_type_list) and, when scoping with include_map, list at least one account or orgunit; omit include_map to cover the whole organization.',
  check: ({ values }) => {
    if (!isSet(values.resource_type) && !isSet(values.resource_type_list)) return nonCompliant('resource_type and resource_type_list are both empty');
    const include = block(values.include_map);
    if (values.include_map !== undefined && !(include && (isSet(include.account) || isSet(include.orgunit)))) {
      return nonCompliant('include_map lists no account and no orgunit');
    }
    return COMPLIANT;
  },
};
