import { grantsToAnyone } from '../../policy-document';
import type { ResourceRule } from '../../rule';
import { checkAllowStatements, POLICY_HOLDER_TYPES } from './policies-of';

export const noAnonymousPrincipal: ResourceRule = {
  id: 'UAG-IAM-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: POLICY_HOLDER_TYPES,
  what: 'Allow statements with principal "*" carry a condition (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn...); Allow never uses NotPrincipal.',
  why:
    'Principal "*" means every AWS account and anonymous callers. Only a condition turns it into "our VPC endpoints" or ' +
    '"our organization". An unconditioned "*" on a private API, topic or key is a public resource.',
  fix: 'Add a condition to the statement (e.g. StringEquals aws:SourceVpce or aws:PrincipalOrgID) or name the principals explicitly.',
  check: (resource, stack) =>
    checkAllowStatements(resource, stack, (where, statement) => [
      ...(grantsToAnyone(statement) && statement.conditions.length === 0 ? [`${where} allows principal "*" without a condition`] : []),
      ...(statement.notPrincipals.length > 0 ? [`${where} allows with NotPrincipal`] : []),
    ]),
};
