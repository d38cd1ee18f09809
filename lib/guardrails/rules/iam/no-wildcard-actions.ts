import type { ResourceRule } from '../../rule';
import { checkAllowStatements, POLICY_HOLDER_TYPES } from './policies-of';

export const noWildcardActions: ResourceRule = {
  id: 'UAG-IAM-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: POLICY_HOLDER_TYPES,
  what: 'Allow statements name their actions: no "*", no wildcards such as "s3:*" or "s3:Get*", no NotAction.',
  why:
    'Wildcard actions grant whatever the service adds tomorrow, including destructive and permission-changing calls. ' +
    'Least privilege in a multi-account landing zone means each role, function and resource policy lists exactly the calls it needs; ' +
    'Deny statements may use wildcards.',
  fix: 'Replace the wildcard with the explicit list of actions the caller uses (IAM Access Analyzer policy generation helps).',
  check: (resource, stack) =>
    checkAllowStatements(resource, stack, (where, statement) => [
      ...statement.actions.filter((action) => action.includes('*') && action !== '${expression}').map((action) => `${where} allows "${action}"`),
      ...(statement.notActions.length > 0 ? [`${where} uses NotAction`] : []),
    ]),
};
