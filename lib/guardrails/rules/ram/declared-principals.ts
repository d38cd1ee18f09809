import type { GuardrailContext } from '../../context';
import { COMPLIANT, nonCompliant, type ResourceRule, type RuleResult } from '../../rule';
import { isReference } from '../../values';

export const declaredPrincipals: ResourceRule = {
  id: 'UAG-RAM-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_ram_principal_association'],
  what: 'RAM principals are accounts declared in the environment inside the organization, the organization itself, or its declared OUs.',
  why:
    'Every share recipient gets network reachability (the TGW) or the right to associate with private APIs (the domain). ' +
    'Principals must come from the reviewed account list of the environment; an undeclared id or an account outside the ' +
    'organization is a share to a stranger.',
  fix: 'Use an account id declared under accounts in environments/<env>.yaml (inOrganization: true), or the ARN of the organization or of an OU declared under organization.organizationalUnits.',
  check: ({ values }, _stack, context) => principalIsDeclared(values.principal, context),
};

function principalIsDeclared(principal: unknown, context: GuardrailContext): RuleResult {
  if (isReference(principal)) {
    // The organization itself, read from the management account, is the only computed principal that is known to be ours.
    return /data\.aws_organizations_organization\./.test(String(principal))
      ? COMPLIANT
      : nonCompliant(`principal ${String(principal)} is computed and cannot be checked against the declared accounts; write the account id`);
  }
  if (typeof principal !== 'string') return nonCompliant('principal is unset');
  if (/^\d{12}$/.test(principal)) {
    const account = context.accounts.get(principal);
    if (!account) return nonCompliant(`principal ${principal} is not an account declared in the ${context.environment} environment`);
    if (!account.inOrganization) return nonCompliant(`principal ${principal} ("${account.alias}") is declared outside the organization`);
    return COMPLIANT;
  }
  const organizations = /^arn:aws[a-z-]*:organizations::(\d{12}):(organization|ou)\/(o-[a-z0-9]+)(?:\/(ou-[a-z0-9-]+))?$/.exec(principal);
  if (organizations) {
    const [, managementAccount, , organizationId, ou] = organizations;
    if (managementAccount !== context.managementAccountId) {
      return nonCompliant(`principal ${principal} belongs to an organization managed by ${managementAccount}, not ${context.managementAccountId}`);
    }
    if (context.organizationId !== undefined && organizationId !== context.organizationId) {
      return nonCompliant(`principal ${principal} is in organization ${organizationId}, not ${context.organizationId}`);
    }
    if (ou !== undefined && context.organizationalUnits.size > 0 && !context.organizationalUnits.has(ou)) {
      return nonCompliant(`principal ${principal} is an OU not declared under organization.organizationalUnits`);
    }
    return COMPLIANT;
  }
  return nonCompliant(`principal ${principal} is neither a declared account id nor an OU of the organization`);
}
